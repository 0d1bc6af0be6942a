import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../../src/upstream/UpstreamError.js';
import { InFlightReads } from '../../../src/upstream/http/InFlightReads.js';
import { UpstreamHttpClient } from '../../../src/upstream/http/UpstreamHttpClient.js';
import type { UpstreamRequest } from '../../../src/upstream/http/UpstreamHttpClient.js';
import { withDeadline } from '../../../src/upstream/resilience/requestDeadline.js';
import { startFaultServer } from '../../support/faultServer.js';
import type { FaultServer } from '../../support/faultServer.js';

const page = (query: Record<string, string> = {}, signal?: AbortSignal): UpstreamRequest => ({
  method: 'GET',
  path: '/v1/projects/p/activeNumbers',
  route: '/v1/projects/{projectId}/activeNumbers',
  query,
  signal,
});

describe('UpstreamHttpClient: identical GETs in flight share one call', () => {
  let server: FaultServer;
  let shared: UpstreamHttpClient;
  let unshared: UpstreamHttpClient;
  let joined = 0;

  beforeAll(async () => {
    server = await startFaultServer();
    shared = new UpstreamHttpClient({ service: 'NUMBERS', origin: server.origin, shareReads: true, onSharedRead: () => (joined += 1) });
    unshared = new UpstreamHttpClient({ service: 'NUMBERS', origin: server.origin });
  });

  afterEach(() => {
    server.reset();
    joined = 0;
  });

  afterAll(async () => {
    await Promise.all([shared.close(), unshared.close()]);
    await server.close();
  });

  const answerSlowly = (delayMs: number) => {
    let served = 0;
    server.handle(() => ({ delayMs, body: { served: ++served } }));
  };

  it('sends one request for ten identical GETs in flight, and gives all ten its answer', async () => {
    answerSlowly(100);
    const answers = await Promise.all(Array.from({ length: 10 }, () => shared.request<{ served: number }>(page({ pageSize: '100' }))));
    expect(server.requests).toHaveLength(1);
    expect(answers.map((answer) => answer.body)).toEqual(Array.from({ length: 10 }, () => ({ served: 1 })));
    expect(joined).toBe(9);
  });

  it('sends every GET when sharing is off', async () => {
    answerSlowly(50);
    await Promise.all(Array.from({ length: 5 }, () => unshared.request(page({ pageSize: '100' }))));
    expect(server.requests).toHaveLength(5);
  });

  it('shares only the same path and query', async () => {
    answerSlowly(50);
    await Promise.all([shared.request(page({ pageSize: '10' })), shared.request(page({ pageSize: '20' })), shared.request(page({ pageSize: '10' }))]);
    expect(server.requests.map((request) => request.path).sort()).toEqual(['/v1/projects/p/activeNumbers?pageSize=10', '/v1/projects/p/activeNumbers?pageSize=20']);
  });

  it('is not a cache: a GET after the answer came is sent again', async () => {
    answerSlowly(0);
    const first = await shared.request<{ served: number }>(page());
    const second = await shared.request<{ served: number }>(page());
    expect([first.body, second.body]).toEqual([{ served: 1 }, { served: 2 }]);
    expect(server.requests).toHaveLength(2);
  });

  it('never answers a read with a call that started before a write finished (read your writes)', async () => {
    // Reads are slow, the write is fast: the first read is still in flight after the write.
    let served = 0;
    server.handle((request) => (request.method === 'GET' ? { delayMs: 300, body: { served: ++served } } : { body: {} }));
    const before = shared.request<{ served: number }>(page());
    await sleep(20);
    // A write through the same client while the read is in flight.
    await shared.request({ method: 'PATCH', path: '/v1/projects/p/activeNumbers/%2B1', route: '/v1/projects/{projectId}/activeNumbers/{phoneNumber}', json: {} });
    const after = shared.request<{ served: number }>(page());
    expect((await before).body).toEqual({ served: 1 });
    // Sent anew: the first GET was requested before the PATCH was answered.
    expect((await after).body).toEqual({ served: 2 });
    expect(server.requests.map((request) => request.method)).toEqual(['GET', 'PATCH', 'GET']);
  });

  it('lets a caller whose request ends go with UPSTREAM_TIMEOUT, and keeps the call for the others', async () => {
    answerSlowly(300);
    const leaving = new AbortController();
    const staying = shared.request<{ served: number }>(page());
    const gone = shared.request(page({}, leaving.signal)).catch((error: unknown) => error);
    await sleep(50);
    leaving.abort(new DOMException('the client went away', 'AbortError'));
    const error = await gone;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect((await staying).body).toEqual({ served: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('cancels the call once every caller has gone: no upstream request outlives all of them', async () => {
    // A GET that is answered 503 after 150 ms is retried (twice, 10 ms apart) as long as someone
    // waits for it: the retries reaching the server show whether the call went on.
    const retrying = new UpstreamHttpClient({ service: 'NUMBERS', origin: server.origin, shareReads: true, retry: { maxRetries: 2, baseDelayMs: 10 } });
    try {
      server.handle(() => ({ delayMs: 150, status: 503, body: { error: { code: 503, message: 'busy', status: 'UNAVAILABLE' } } }));
      const callers = [new AbortController(), new AbortController()];
      const outcomes = callers.map((caller) => retrying.request(page({ round: 'abandoned' }, caller.signal)).catch((error: unknown) => error));
      await sleep(50);
      callers[0]?.abort();
      await sleep(20);
      callers[1]?.abort();
      expect(await Promise.all(outcomes)).toEqual([expect.objectContaining({ code: 'UPSTREAM_TIMEOUT' }), expect.objectContaining({ code: 'UPSTREAM_TIMEOUT' })]);
      await sleep(600);
      expect(server.requests).toHaveLength(1);

      // The control: with one caller left waiting, the same call is retried to the end.
      server.reset();
      server.handle(() => ({ delayMs: 150, status: 503, body: { error: { code: 503, message: 'busy', status: 'UNAVAILABLE' } } }));
      const leaving = new AbortController();
      const left = retrying.request(page({ round: 'kept' }, leaving.signal)).catch((error: unknown) => error);
      const staying = retrying.request(page({ round: 'kept' })).catch((error: unknown) => error);
      await sleep(50);
      leaving.abort();
      expect(await left).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
      expect(await staying).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', httpStatus: 503 });
      expect(server.requests).toHaveLength(3);

      // After a cancelled call, the next caller starts a new one rather than joining it.
      server.reset();
      answerSlowly(0);
      expect((await retrying.request<{ served: number }>(page({ round: 'abandoned' }))).body).toEqual({ served: 1 });
    } finally {
      await retrying.close();
    }
  });

  it('gives each caller its own deadline', async () => {
    answerSlowly(400);
    const hurried = shared.request(page({}, withDeadline(new AbortController().signal, 100))).catch((error: unknown) => error);
    const patient = shared.request<{ served: number }>(page({}, withDeadline(new AbortController().signal, 5_000)));
    expect(await hurried).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect((await patient).body).toEqual({ served: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('ends a shared call by its own timeout while callers keep joining it, then sends a fresh one', async () => {
    // Every caller's deadline (300 ms) comes before the call's own timeout (600 ms), and a new
    // caller joins before each one leaves: the shared call is never left by all, so only its own
    // timer can end it. Without it, an upstream that stalls held the call (and a connection) for
    // as long as anyone polled.
    let served = 0;
    server.handle(() => (++served === 1 ? { delayMs: 60_000, body: {} } : { body: { served } }));
    const polling = new UpstreamHttpClient({ service: 'NUMBERS', origin: server.origin, shareReads: true, requestTimeoutMs: 600 });
    try {
      const outcomes: Array<Promise<unknown>> = [];
      for (let caller = 0; caller < 12; caller += 1) {
        outcomes.push(polling.request(page({ round: 'polled' }, withDeadline(new AbortController().signal, 300))).then((response) => response.body, (error: unknown) => (error as UpstreamError).code));
        await sleep(100);
      }
      const settled = await Promise.all(outcomes);
      expect(settled.slice(0, 3)).toEqual(['UPSTREAM_TIMEOUT', 'UPSTREAM_TIMEOUT', 'UPSTREAM_TIMEOUT']);
      // The stalled call ended at its own 600 ms: later callers were served by a fresh call.
      expect(settled.slice(-3)).toEqual([{ served: expect.any(Number) }, { served: expect.any(Number) }, { served: expect.any(Number) }]);
      expect(server.requests.length).toBeGreaterThanOrEqual(2);
    } finally {
      await polling.close();
    }
  });

  it('shares a failure the same way: every caller gets the typed error of the one call', async () => {
    server.handle(() => ({ delayMs: 50, status: 404, body: { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } } }));
    const errors = await Promise.all(Array.from({ length: 3 }, () => shared.request(page()).catch((error: unknown) => error)));
    expect(server.requests).toHaveLength(1);
    for (const error of errors) {
      expect(error).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
    }
  });
});

describe('InFlightReads: how a shared call ends', () => {
  it('cancels the call with the reason of the last caller to leave: a deadline stays a timeout', async () => {
    const reads = new InFlightReads();
    let callSignal: AbortSignal | undefined;
    const send = (signal: AbortSignal) => {
      callSignal = signal;
      return new Promise<never>(() => undefined);
    };
    const [first, last] = [new AbortController(), new AbortController()];
    const outcomes = [reads.read('k', first.signal, send), reads.read('k', last.signal, send)].map((read) => read.catch((error: unknown) => error));
    first.abort(new DOMException('the client went away', 'AbortError'));
    await outcomes[0];
    expect(callSignal?.aborted).toBe(false);
    last.abort(new DOMException('the request deadline passed', 'TimeoutError'));
    await outcomes[1];
    expect(callSignal?.aborted).toBe(true);
    expect((callSignal?.reason as DOMException).name).toBe('TimeoutError');
    expect(reads.size).toBe(0);
  });

  it('starts nothing for a caller whose request is already over', async () => {
    const reads = new InFlightReads();
    let sent = 0;
    const over = new AbortController();
    over.abort(new DOMException('over', 'AbortError'));
    await expect(reads.read('k', over.signal, async () => ++sent)).rejects.toMatchObject({ name: 'AbortError' });
    expect([sent, reads.size]).toEqual([0, 0]);
  });
});
