import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { inMemoryTracing } from '../../support/inMemoryTracing.js';
import type { InMemoryTracing } from '../../support/inMemoryTracing.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

const [PHONE, OTHER_PHONE] = SEEDED_PHONE_NUMBERS.provisioned;
const NUMBER = 'query Number($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber } }';
const GET_NUMBER = 'GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}';

interface Traced {
  traces: InMemoryTracing;
  gateway: TestGateway;
  admin: SimulatorAdmin;
}

async function tracedGateway(env: Record<string, string> = {}): Promise<Traced> {
  const traces = inMemoryTracing();
  const gateway = await startTestGateway({ tracing: traces.tracing, env });
  return { traces, gateway, admin: new SimulatorAdmin(gateway.simulatorUrl) };
}

/** The spans of the trace of the last finished server span. */
async function lastTrace(traces: InMemoryTracing): Promise<ReadableSpan[]> {
  const spans = await traces.until((finished) => finished.some((span) => span.kind === SpanKind.SERVER));
  const server = spans.filter((span) => span.kind === SpanKind.SERVER).at(-1);
  return traces.trace(server?.spanContext().traceId ?? '');
}

describe('Tracing: upstream call spans', () => {
  describe('propagation', () => {
    let traced: Traced;
    beforeAll(async () => {
      traced = await tracedGateway();
    });
    afterAll(() => traced.gateway.close());

    it('sends each Sinch call, the token request included, the traceparent of its own client span', async () => {
      const { traces, gateway, admin } = traced;
      await admin.clearRequests();
      traces.exporter.reset();
      // A token request that takes a while, so that the call's wait for it shows.
      await admin.configure({ latencyMs: 20 });
      const response = await gateway.query(NUMBER, { phoneNumber: PHONE }).finally(() => admin.configure({ latencyMs: 0 }));
      expect(response.body.errors).toBeUndefined();
      const trace = await lastTrace(traces);
      const log = await admin.requests();
      const clientSpans = trace.filter((span) => span.kind === SpanKind.CLIENT);
      expect(clientSpans.map((span) => span.name).sort()).toEqual([GET_NUMBER, 'POST /oauth2/token']);
      for (const entry of log) {
        const span = clientSpans.find((candidate) => candidate.attributes['sinch.service'] === entry.service);
        expect(entry.traceparent).toBe(`00-${span?.spanContext().traceId}-${span?.spanContext().spanId}-01`);
      }
      expect(log.map((entry) => entry.service).sort()).toEqual(['AUTH', 'NUMBERS']);
      // The token request was made for the Numbers call: its span is the call's child.
      const token = clientSpans.find((span) => span.name === 'POST /oauth2/token');
      const call = clientSpans.find((span) => span.name === GET_NUMBER);
      expect(token?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
      // ...and the call shows how long it waited for it.
      const waited = call?.events.find((event) => event.name === 'gateway.upstream.credentials_wait');
      expect(Number(waited?.attributes?.['gateway.wait_ms'])).toBeGreaterThanOrEqual(15);
    });

    it('records a retried GET as two attempts, the first with its retry and wait, the second with its resend count', async () => {
      const { traces, gateway, admin } = traced;
      traces.exporter.reset();
      await admin.addFault({ path: `/activeNumbers/\\${PHONE}$`, status: 503, body: { error: { code: 503, message: 'Service Unavailable for +15551234567', status: 'UNAVAILABLE' } }, times: 1 });
      const response = await gateway.query(NUMBER, { phoneNumber: PHONE });
      expect(response.body.errors).toBeUndefined();
      const attempts = (await lastTrace(traces)).filter((span) => span.name === GET_NUMBER).sort((a, b) => (a.startTime[0] - b.startTime[0]) || (a.startTime[1] - b.startTime[1]));
      expect(attempts).toHaveLength(2);
      const [first, second] = attempts;
      expect(first?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'UPSTREAM_UNAVAILABLE' });
      expect(first?.attributes).toMatchObject({ 'http.response.status_code': 503, 'error.type': '503', 'gateway.error.code': 'UPSTREAM_UNAVAILABLE', 'gateway.upstream.failure': 'HTTP_STATUS', 'sinch.error.code': '503', 'sinch.error.status': 'UNAVAILABLE' });
      const retry = first?.events.find((event) => event.name === 'gateway.upstream.retry');
      expect(retry?.attributes).toMatchObject({ 'gateway.retry.next_attempt': 2 });
      expect(typeof retry?.attributes?.['gateway.retry.delay_ms']).toBe('number');
      expect(second?.attributes).toMatchObject({ 'http.request.resend_count': 1, 'http.response.status_code': 200 });
      expect(second?.status.code).toBe(SpanStatusCode.UNSET);
      expect(first?.parentSpanContext?.spanId).toBe(second?.parentSpanContext?.spanId);
      // Sinch's message is not recorded, nor anything else it wrote.
      expect(JSON.stringify(attempts.map((span) => [span.attributes, span.events]))).not.toMatch(/Service Unavailable|5551234567/);
    });

    it('sets the operation span status from the error code of the answer', async () => {
      const { traces, gateway, admin } = traced;
      traces.exporter.reset();
      await admin.addFault({ path: `/activeNumbers/\\${PHONE}$`, status: 400, body: { error: { code: 400, message: 'Invalid number +15551234567', status: 'INVALID_ARGUMENT' } }, times: 1 });
      const response = await gateway.query(NUMBER, { phoneNumber: PHONE });
      const code = response.body.errors?.[0]?.extensions?.['code'];
      expect(code).toBe('BAD_USER_INPUT');
      const trace = await lastTrace(traces);
      const operation = trace.find((span) => span.name === 'query Number');
      expect(operation?.status).toEqual({ code: SpanStatusCode.ERROR, message: code });
      expect(operation?.attributes['graphql.error.codes']).toEqual([code]);
      const call = trace.find((span) => span.name === GET_NUMBER);
      expect(call?.status).toEqual({ code: SpanStatusCode.ERROR, message: code });
      expect(call?.attributes).toMatchObject({ 'http.response.status_code': 400, 'sinch.error.status': 'INVALID_ARGUMENT' });
      expect(JSON.stringify(trace.map((span) => [span.attributes, span.events, span.status]))).not.toMatch(/Invalid number|5551234567/);
    });
  });

  describe('shared reads', () => {
    it('records a GET that joined an identical one in flight as an event of its own trace, not as a call', async () => {
      const traced = await tracedGateway();
      try {
        await traced.gateway.query(NUMBER, { phoneNumber: PHONE });
        traced.traces.exporter.reset();
        // The slow call holds the connection for 1.5 s: long enough that the queued call waits
        // well over 50 ms however long a loaded machine takes to send it (300 ms was not).
        await traced.admin.addFault({ path: `/activeNumbers/\\${PHONE}$`, status: 200, body: { phoneNumber: PHONE }, headers: { 'content-type': 'application/json' }, delayMs: 1_500, times: 1 });
        const first = traced.gateway.query(NUMBER, { phoneNumber: PHONE });
        await waitFor(async () => (await traced.admin.requests('NUMBERS')).some((entry) => entry.status === null));
        const second = await traced.gateway.query(NUMBER, { phoneNumber: PHONE });
        expect(second.body.errors).toBeUndefined();
        await first;
        const spans = await traced.traces.until((finished) => finished.filter((span) => span.kind === SpanKind.SERVER).length === 2);
        const traceIds = [...new Set(spans.filter((span) => span.kind === SpanKind.SERVER).map((span) => span.spanContext().traceId))];
        expect(traceIds).toHaveLength(2);
        const calls = traceIds.map((traceId) => traced.traces.trace(traceId).filter((span) => span.name === GET_NUMBER).length);
        expect([...calls].sort()).toEqual([0, 1]);
        const joined = traced.traces.trace(traceIds[calls.indexOf(0)] ?? '').flatMap((span) => span.events).find((event) => event.name === 'gateway.upstream.shared_read');
        expect(joined?.attributes).toEqual({ 'sinch.service': 'NUMBERS', 'http.request.method': 'GET', 'url.template': '/v1/projects/{projectId}/activeNumbers/{phoneNumber}' });
      } finally {
        await traced.gateway.close();
      }
    });
  });

  describe('refusals', () => {
    it('records an open circuit as a refused attempt, without a status code', async () => {
      const traced = await tracedGateway({ UPSTREAM_CIRCUIT_MIN_CALLS: '1', UPSTREAM_CIRCUIT_FAILURE_PERCENT: '1', UPSTREAM_RETRY_MAX: '0' });
      try {
        await traced.admin.addFault({ path: '/activeNumbers/', status: 503, times: 1 });
        await traced.gateway.query(NUMBER, { phoneNumber: PHONE });
        traced.traces.exporter.reset();
        const response = await traced.gateway.query(NUMBER, { phoneNumber: PHONE });
        expect(response.body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
        const call = (await lastTrace(traced.traces)).find((span) => span.name === GET_NUMBER);
        expect(call?.attributes).toMatchObject({ 'gateway.upstream.refused': 'CIRCUIT_OPEN', 'gateway.upstream.failure': 'REJECTED', 'error.type': 'REJECTED' });
        expect(call?.attributes['http.response.status_code']).toBeUndefined();
        expect(call?.events.map((event) => [event.name, event.attributes])).toContainEqual(['gateway.upstream.refused', { 'gateway.upstream.refused': 'CIRCUIT_OPEN' }]);
        expect(call?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'UPSTREAM_UNAVAILABLE' });
      } finally {
        await traced.gateway.close();
      }
    });

    it('records a bulkhead refusal, and the wait of a call that queued for a connection', async () => {
      const traced = await tracedGateway({ UPSTREAM_CONNECTIONS: '1', UPSTREAM_QUEUE_LIMIT: '1', UPSTREAM_RETRY_MAX: '0', UPSTREAM_SHARE_READS: 'false' });
      try {
        // Warm the token, so that the three calls below compete for the one Numbers connection only.
        await traced.gateway.query(NUMBER, { phoneNumber: PHONE });
        traced.traces.exporter.reset();
        // The slow call holds the connection for 1.5 s: long enough that the queued call waits
        // well over 50 ms however long a loaded machine takes to send it (300 ms was not).
        await traced.admin.addFault({ path: `/activeNumbers/\\${PHONE}$`, status: 200, body: { phoneNumber: PHONE }, headers: { 'content-type': 'application/json' }, delayMs: 1_500, times: 1 });
        const slow = traced.gateway.query(NUMBER, { phoneNumber: PHONE });
        await waitFor(async () => (await traced.admin.requests('NUMBERS')).some((entry) => entry.status === null));
        const queued = traced.gateway.query(NUMBER, { phoneNumber: OTHER_PHONE });
        await new Promise((resolve) => setTimeout(resolve, 50));
        const refused = await traced.gateway.query(NUMBER, { phoneNumber: OTHER_PHONE });
        expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
        await Promise.all([slow, queued]);
        const calls = await traced.traces.until((spans) => spans.filter((span) => span.name === GET_NUMBER).length === 3);
        const attempts = calls.filter((span) => span.name === GET_NUMBER);
        const refusal = attempts.find((span) => span.attributes['gateway.upstream.refused'] === 'BULKHEAD_FULL');
        expect(refusal?.events.map((event) => event.name)).toContain('gateway.upstream.refused');
        const waited = attempts.find((span) => span.events.some((event) => event.name === 'gateway.upstream.queued'));
        expect(waited?.attributes['http.response.status_code']).toBe(200);
        expect(Number(waited?.events.find((event) => event.name === 'gateway.upstream.queued')?.attributes?.['gateway.wait_ms'])).toBeGreaterThan(50);
      } finally {
        await traced.gateway.close();
      }
    });
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
