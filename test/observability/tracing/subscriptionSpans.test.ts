import { createHmac, randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { inMemoryTracing } from '../../support/inMemoryTracing.js';
import type { InMemoryTracing } from '../../support/inMemoryTracing.js';
import { CALLBACK_SECRET, SIMULATOR_PROJECT_ID, startProvisioningGateway } from '../../subscriptions/support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from '../../subscriptions/support/startProvisioningGateway.js';

const PHONE = SEEDED_PHONE_NUMBERS.sweden[0] ?? '';
const SUBSCRIPTION_TRACE = '0af7651916cd43dd8448eb211c80319c';
const SUBSCRIPTION_PARENT = 'b7ad6b7169203331';
const CALLBACK_TRACE = '5b8efff798038103d269b633813fc60c';
const CALLBACK_PARENT = 'eee19b7ec3c1b174';
const EVENTS = 'subscription CallbackEvents { provisioningEvents(filter: { sources: [CALLBACK] }) { eventId status number { phoneNumber voice { type } } } }';

const parentOf = (span: ReadableSpan | undefined) => span?.parentSpanContext?.spanId;

describe('Tracing: subscriptions and callbacks', () => {
  let traces: InMemoryTracing;
  let gateway: ProvisioningTestGateway;

  beforeAll(async () => {
    traces = inMemoryTracing();
    gateway = await startProvisioningGateway({ tracing: traces.tracing, env: { PROVISIONING_POLLING: 'off' } });
  });
  afterAll(() => gateway.close());

  it('traces a callback, its re-read and each delivery of its event, linked to the subscription that received it', async () => {
    const client = gateway.wsClient({ connectionParams: { traceparent: `00-${SUBSCRIPTION_TRACE}-${SUBSCRIPTION_PARENT}-01` } });
    const received = gateway.subscribe(client, EVENTS);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const eventId = randomUUID();
    const body = JSON.stringify({
      eventId,
      timestamp: new Date().toISOString().replace('Z', '000'),
      projectId: SIMULATOR_PROJECT_ID,
      resourceId: PHONE,
      resourceType: 'ACTIVE_NUMBER',
      eventType: 'PROVISIONING_TO_VOICE_PLATFORM',
      status: 'SUCCEEDED',
    });
    const signature = createHmac('sha1', CALLBACK_SECRET).update(body).digest('hex');
    const response = await request(`${gateway.url}/webhooks/numbers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sinch-signature': signature, traceparent: `00-${CALLBACK_TRACE}-${CALLBACK_PARENT}-01` },
      body,
    });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    await received.waitFor((events) => events.length === 1);
    received.unsubscribe();

    const spans = await traces.until((finished) => finished.some((span) => span.name === 'subscription CallbackEvents') && finished.some((span) => span.name === 'provisioning.deliver'));
    const subscription = spans.find((span) => span.name === 'subscription CallbackEvents');
    expect(subscription?.kind).toBe(SpanKind.SERVER);
    expect(subscription?.spanContext().traceId).toBe(SUBSCRIPTION_TRACE);
    expect(parentOf(subscription)).toBe(SUBSCRIPTION_PARENT);
    expect(subscription?.attributes).toMatchObject({ 'graphql.operation.type': 'subscription', 'graphql.operation.name': 'CallbackEvents' });

    const webhook = spans.find((span) => span.name === 'POST /webhooks/numbers');
    expect(webhook?.spanContext().traceId).toBe(CALLBACK_TRACE);
    expect(parentOf(webhook)).toBe(CALLBACK_PARENT);

    const callback = spans.find((span) => span.name === 'provisioning.callback');
    expect(callback?.spanContext().traceId).toBe(CALLBACK_TRACE);
    expect(parentOf(callback)).toBe(webhook?.spanContext().spanId);
    expect(callback?.attributes).toMatchObject({ 'provisioning.event.id': eventId, 'provisioning.event.type': 'PROVISIONING_TO_VOICE_PLATFORM', 'provisioning.event.status': 'SUCCEEDED', 'provisioning.resource.type': 'ACTIVE_NUMBER' });
    const reread = spans.find((span) => span.name === 'GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}' && span.spanContext().traceId === CALLBACK_TRACE);
    expect(parentOf(reread)).toBe(callback?.spanContext().spanId);

    const delivery = spans.find((span) => span.name === 'provisioning.deliver');
    expect(delivery?.kind).toBe(SpanKind.CONSUMER);
    expect(delivery?.spanContext().traceId).toBe(CALLBACK_TRACE);
    expect(parentOf(delivery)).toBe(callback?.spanContext().spanId);
    expect(delivery?.links.map((link) => link.context.spanId)).toEqual([subscription?.spanContext().spanId]);
    expect(delivery?.attributes).toMatchObject({ 'provisioning.event.id': eventId, 'provisioning.event.source': 'CALLBACK', 'provisioning.event.status': 'SUCCEEDED' });

    expect(JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events, span.status]))).not.toContain(PHONE.slice(1));
  });

  it('sets the status of a subscription that fails to start from its error code', async () => {
    const missing = gateway.subscribe(gateway.wsClient(), 'subscription Missing { numberProvisioningChanged(phoneNumber: "+12025550999") { eventId } }');
    await missing.waitFor(() => missing.errors.length > 0);
    const spans = await traces.until((finished) => finished.some((span) => span.name === 'subscription Missing'));
    const subscription = spans.find((span) => span.name === 'subscription Missing');
    expect(subscription?.status).toEqual({ code: 2, message: 'NOT_FOUND' });
    expect(subscription?.attributes['graphql.error.codes']).toEqual(['NOT_FOUND']);
    const read = spans.find((span) => span.spanContext().traceId === subscription?.spanContext().traceId && span.kind === SpanKind.CLIENT && span.attributes['sinch.service'] === 'NUMBERS');
    expect(read?.attributes['http.response.status_code']).toBe(404);
    expect(JSON.stringify(spans.filter((span) => span.spanContext().traceId === subscription?.spanContext().traceId).map((span) => span.attributes))).not.toContain('2025550999');
  });
});
