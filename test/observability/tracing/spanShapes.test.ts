import { createHash } from 'node:crypto';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { inMemoryTracing } from '../../support/inMemoryTracing.js';
import type { InMemoryTracing } from '../../support/inMemoryTracing.js';
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

  beforeAll(async () => {
    traces = inMemoryTracing();
    gateway = await startTestGateway({ tracing: traces.tracing });
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
});
