import { describe, expect, it } from 'vitest';
import { MALFORMED_BODY } from '../../src/simulator/core/applyFault.js';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { SIMULATOR_PROJECT_ID } from '../../src/simulator/simulatorCredentials.js';
import { startSimulator } from '../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient, fetchAccessToken } from './numbersTestClient.js';
import { useManualSimulator } from './useManualSimulator.js';

const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[0];
const activeNumberPath = `/v1/projects/${SIMULATOR_PROJECT_ID}/activeNumbers/${phoneNumber}`;

describe('Simulator: fault injection, latency and the request log', () => {
  const sim = useManualSimulator();


  it('logs every non-admin request with its route template, status and auth scheme, never the credential', async () => {
    const token = await fetchAccessToken(sim.simulator.url);
    await createNumbersTestClient(sim.simulator.url, `Bearer ${token}`).get(`/activeNumbers?pageSize=2&capability=SMS&capability=VOICE`);
    await sim.numbers.get(`/activeNumbers/${phoneNumber}`);
    await sim.numbers.get('/activeNumbers/+1999');
    await fetch(`${sim.simulator.url}/nowhere`);
    await sim.admin.requests();
    const log = await sim.admin.requests();
    expect(log).toEqual([
      { seq: 1, service: 'AUTH', method: 'POST', path: '/oauth2/token', query: {}, route: 'POST /oauth2/token', status: 200, receivedAt: expect.any(String), authorizationScheme: 'Basic', traceparent: null },
      {
        seq: 2, service: 'NUMBERS', method: 'GET', path: `/v1/projects/${SIMULATOR_PROJECT_ID}/activeNumbers`,
        query: { pageSize: '2', capability: ['SMS', 'VOICE'] }, route: 'GET /v1/projects/{projectId}/activeNumbers',
        status: 200, receivedAt: expect.any(String), authorizationScheme: 'Bearer', traceparent: null,
      },
      expect.objectContaining({ seq: 3, path: activeNumberPath, route: 'GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}', status: 200, authorizationScheme: 'Basic' }),
      expect.objectContaining({ seq: 4, status: 400 }),
      expect.objectContaining({ seq: 5, path: '/nowhere', route: null, status: 404, authorizationScheme: null }),
    ]);
    expect(JSON.stringify(log)).not.toContain(token);
    expect((await sim.admin.requests('AUTH')).map((entry) => entry.seq)).toEqual([1]);
    await sim.admin.clearRequests();
    expect(await sim.admin.requests()).toEqual([]);
  });

  it('sends a scripted status, headers and body verbatim, the given number of times, and logs it', async () => {
    await sim.admin.addFault({
      method: 'GET',
      path: '/activeNumbers/\\+1201',
      status: 429,
      headers: { 'retry-after': '2' },
      body: { error: { code: 429, message: 'Too many requests', status: 'RESOURCE_EXHAUSTED', details: [] } },
      times: 2,
    });
    const first = await sim.numbers.get(`/activeNumbers/${phoneNumber}`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect((await sim.numbers.get(`/activeNumbers/${phoneNumber}`)).status).toBe(429);
    expect((await sim.numbers.get(`/activeNumbers/${phoneNumber}`)).status).toBe(200);
    expect((await sim.admin.requests()).map((entry) => entry.status)).toEqual([429, 429, 200]);
  });

  it('matches the method and keeps a times: 0 fault until cleared', async () => {
    await sim.admin.addFault({ method: 'PATCH', path: 'activeNumbers', status: 503, body: 'upstream maintenance', times: 0 });
    expect((await sim.numbers.get(`/activeNumbers/${phoneNumber}`)).status).toBe(200);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { displayName: 'x' });
      expect([response.status, response.body]).toEqual([503, 'upstream maintenance']);
    }
    await sim.admin.clearFaults();
    expect((await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { displayName: 'x' })).status).toBe(200);
  });

  it('resets the connection', async () => {
    await sim.admin.addFault({ path: 'activeNumbers', action: 'reset' });
    const error = await sim.numbers.get(`/activeNumbers/${phoneNumber}`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((await sim.admin.requests())[0]?.status).toBeNull();
  });

  it('sends a truncated JSON body with a 200', async () => {
    await sim.admin.addFault({ path: 'activeNumbers', action: 'malformed' });
    const response = await fetch(`${sim.simulator.url}${activeNumberPath}`, { headers: { authorization: BASIC_AUTHORIZATION } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(text).toBe(MALFORMED_BODY);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('hangs until the client gives up', async () => {
    await sim.admin.addFault({ path: 'activeNumbers', action: 'hang' });
    const error = await fetch(`${sim.simulator.url}${activeNumberPath}`, { signal: AbortSignal.timeout(150) }).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('trickles the body byte by byte after sending the headers', async () => {
    await sim.admin.addFault({ path: 'activeNumbers', action: 'trickle', body: { ok: true }, intervalMs: 30 });
    const started = Date.now();
    const response = await fetch(`${sim.simulator.url}${activeNumberPath}`);
    const headersAfter = Date.now() - started;
    expect(await response.json()).toEqual({ ok: true });
    expect(headersAfter).toBeLessThan(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual('{"ok":true}'.length * 30 - 30);
  });

  it('delays a fault by delayMs', async () => {
    await sim.admin.addFault({ path: 'activeNumbers', status: 500, delayMs: 120 });
    const started = Date.now();
    expect((await sim.numbers.get(`/activeNumbers/${phoneNumber}`)).status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('adds the configured latency to every non-admin response, not to admin ones', async () => {
    await sim.admin.configure({ latencyMs: 150 });
    try {
      let started = Date.now();
      await sim.numbers.get(`/activeNumbers/${phoneNumber}`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      started = Date.now();
      await sim.admin.requests();
      expect(Date.now() - started).toBeLessThan(140);
    } finally {
      await sim.admin.configure({ latencyMs: 0 });
    }
  });

  it('rejects faults it cannot apply', async () => {
    await expect(sim.admin.addFault({ path: '(' })).rejects.toThrow(/400/);
    await expect(sim.admin.addFault({ path: 'x', action: 'explode' as never })).rejects.toThrow(/400/);
  });

  it('releases hanging requests and trickles when it closes', async () => {
    const closing = await startSimulator({ provisioning: 'manual' });
    const closingAdmin = new SimulatorAdmin(closing.url);
    await closingAdmin.addFault({ path: 'hang', action: 'hang' });
    await closingAdmin.addFault({ path: 'trickle', action: 'trickle', intervalMs: 10_000 });
    const hanging = fetch(`${closing.url}/hang`).catch((caught: unknown) => caught);
    const trickling = fetch(`${closing.url}/trickle`).then((response) => response.text()).catch((caught: unknown) => caught);
    await expect.poll(async () => (await closingAdmin.requests()).length).toBe(2);
    const started = Date.now();
    await closing.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await hanging).toBeInstanceOf(TypeError);
    expect(await trickling).toBeInstanceOf(Error);
  });
});
