import { createHash } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { inMemoryTracing } from '../../support/inMemoryTracing.js';
import type { InMemoryTracing } from '../../support/inMemoryTracing.js';
import { createLogger } from '../../../src/server/createLogger.js';
import { traceLogFields } from '../../../src/observability/tracing/traceLogFields.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

const PHONE = SEEDED_PHONE_NUMBERS.provisioned[0] ?? '';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`;

const NUMBER_BY_PHONE = 'query NumberByPhone($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber } }';

const byName = (spans: ReadableSpan[], name: string) => spans.filter((span) => span.name === name);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('Tracing: span shapes', () => {
  let traces: InMemoryTracing;
  let gateway: TestGateway;

  const lines: string[] = [];

  beforeAll(async () => {
    traces = inMemoryTracing();
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) }, { mixin: traceLogFields });
    gateway = await startTestGateway({ tracing: traces.tracing, logger });
  });
  afterAll(() => gateway.close());
  beforeEach(() => traces.exporter.reset());

  it('continues the incoming traceparent: server span, operation span, one client span per upstream call', async () => {
    const response = await gateway.query(NUMBER_BY_PHONE, { phoneNumber: PHONE }, { traceparent: TRACEPARENT, tracestate: 'vendor=abc' });
    expect(response.body.errors).toBeUndefined();
    const spans = await traces.until((finished) => finished.some((span) => span.kind === SpanKind.SERVER));
    const trace = spans.filter((span) => span.spanContext().traceId === TRACE_ID);
    expect(trace.length).toBe(spans.length);

    const [server] = byName(trace, 'POST /graphql');
    expect(server?.kind).toBe(SpanKind.SERVER);
    expect(parentOf(server!)).toBe(PARENT_SPAN_ID);
    expect(server?.spanContext().traceState?.get('vendor')).toBe('abc');
    expect(server?.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200 });

    const [operation] = byName(trace, 'query NumberByPhone');
    expect(parentOf(operation!)).toBe(server?.spanContext().spanId);
    expect(operation?.attributes).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'NumberByPhone',
      'graphql.document.sha256': createHash('sha256').update(NUMBER_BY_PHONE).digest('hex'),
      'graphql.document.hashed': 'exact',
    });

    const [batch] = byName(trace, 'dataloader.batch numbers.activeNumber');
    expect(batch?.attributes).toMatchObject({ 'dataloader.name': 'numbers.activeNumber', 'dataloader.batch.size': 1 });
    expect(parentOf(batch!)).toBe(operation?.spanContext().spanId);

    const [call] = byName(trace, 'GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}');
    expect(call?.kind).toBe(SpanKind.CLIENT);
    expect(parentOf(call!)).toBe(batch?.spanContext().spanId);
    expect(call?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.template': '/v1/projects/{projectId}/activeNumbers/{phoneNumber}',
      'sinch.service': 'NUMBERS',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
    });
    expect(JSON.stringify(trace.map((span) => [span.name, span.attributes, span.events]))).not.toContain(PHONE);
  });

  it('hashes a document that writes a string literal with its literals blanked, and records no literal', async () => {
    const document = `query Literal { number(phoneNumber: "${PHONE}") { phoneNumber } }`;
    const response = await gateway.query(document);
    expect(response.body.errors).toBeUndefined();
    const spans = await traces.until((finished) => finished.some((span) => span.kind === SpanKind.SERVER));
    const [operation] = byName(spans, 'query Literal');
    expect(operation?.attributes['graphql.document.hashed']).toBe('literals_masked');
    expect(operation?.attributes['graphql.document.sha256']).not.toBe(createHash('sha256').update(document).digest('hex'));
    expect(operation?.attributes['graphql.document.sha256']).toBe(
      createHash('sha256').update('query Literal {\n  number(phoneNumber: "") {\n    phoneNumber\n  }\n}').digest('hex'),
    );
    expect(JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events, span.status]))).not.toContain(PHONE.slice(1));
  });

  it('names a document that does not parse "GraphQL Operation", with the parse failure as its status', async () => {
    const response = await gateway.query('query { number(');
    expect(response.status).toBe(400);
    const spans = await traces.until((finished) => finished.some((span) => span.kind === SpanKind.SERVER));
    const [operation] = byName(spans, 'GraphQL Operation');
    expect(operation?.status).toEqual({ code: 2, message: 'GRAPHQL_PARSE_FAILED' });
    const [server] = byName(spans, 'POST /graphql');
    expect(server?.attributes['http.response.status_code']).toBe(400);
  });

  it('puts the trace and span ids of the request on every log line it writes', async () => {
    lines.length = 0;
    const response = await gateway.query(NUMBER_BY_PHONE, { phoneNumber: PHONE }, { traceparent: TRACEPARENT });
    expect(response.body.errors).toBeUndefined();
    const spans = await traces.until((finished) => finished.some((span) => span.kind === SpanKind.SERVER));
    const requestLines = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['reqId'] !== undefined || line['component'] === 'upstream');
    expect(requestLines.map((line) => line['msg'])).toEqual(expect.arrayContaining(['incoming request', 'request completed', 'upstream call']));
    const spanIds = new Set(spans.map((span) => span.spanContext().spanId));
    for (const line of requestLines) {
      expect(line['trace_id']).toBe(TRACE_ID);
      expect(spanIds.has(String(line['span_id']))).toBe(true);
    }
  });

  it('starts a new trace for a malformed traceparent, ignoring its tracestate', async () => {
    const admin = new SimulatorAdmin(gateway.simulatorUrl);
    await admin.clearRequests();
    const oversized = Array.from({ length: 60 }, (_, index) => `vendor${index}=${'x'.repeat(20)}`).join(',');
    for (const traceparent of ['00-00000000000000000000000000000000-00f067aa0ba902b7-01', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 'garbage', `00-${TRACE_ID}-${PARENT_SPAN_ID}-01-extra`]) {
      traces.exporter.reset();
      const response = await gateway.query(NUMBER_BY_PHONE, { phoneNumber: PHONE }, { traceparent, tracestate: oversized });
      expect(response.body.errors).toBeUndefined();
      const spans = await traces.until((finished) => finished.some((span) => span.kind === SpanKind.SERVER));
      const [server] = byName(spans, 'POST /graphql');
      expect(server?.parentSpanContext).toBeUndefined();
      expect(server?.spanContext().traceId).not.toBe(TRACE_ID);
      expect(server?.spanContext().traceState).toBeUndefined();
    }
  });

  it('records no query string: a GET carries its document and variables in the URL', async () => {
    const variables = JSON.stringify({ phoneNumber: PHONE });
    const url = `${gateway.url}/graphql?query=${encodeURIComponent(NUMBER_BY_PHONE)}&variables=${encodeURIComponent(variables)}`;
    const response = await request(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    const spans = await traces.until((finished) => finished.some((span) => span.kind === SpanKind.SERVER));
    const [server] = byName(spans, 'GET /graphql');
    expect(server?.attributes['url.path']).toBe('/graphql');
    expect(JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events]))).not.toMatch(/variables|phoneNumber":|5550|query=/);
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(PHONE.slice(1));
  });

  it('passes an unsampled caller\'s trace on to Sinch without recording it', async () => {
    const admin = new SimulatorAdmin(gateway.simulatorUrl);
    await admin.clearRequests();
    const response = await gateway.query(NUMBER_BY_PHONE, { phoneNumber: PHONE }, { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-00` });
    expect(response.body.errors).toBeUndefined();
    const log = await admin.requests();
    expect(log.length).toBeGreaterThan(0);
    for (const entry of log) expect(entry.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(traces.spans()).toEqual([]);
  });

  it('names an unmatched request by its method alone and records none of its path', async () => {
    const response = await request(`${gateway.url}/v1/projects/p/activeNumbers/${encodeURIComponent(PHONE)}?token=abc`);
    expect(response.statusCode).toBe(404);
    await response.body.dump();
    const spans = await traces.until((finished) => finished.some((span) => span.kind === SpanKind.SERVER));
    const [server] = byName(spans, 'GET');
    expect(server?.attributes['http.response.status_code']).toBe(404);
    expect(server?.attributes['url.path']).toBeUndefined();
    expect(JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events]))).not.toMatch(/activeNumbers|token|5550/);
  });
});
