import { createHmac, randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { inMemoryTracing } from '../../support/inMemoryTracing.js';
import type { InMemoryTracing } from '../../support/inMemoryTracing.js';
import { startRedisServer, type TestRedisServer } from '../../support/startRedisServer.js';
import { scrapeMetric } from '../../store/support/replicaClients.js';
import { CALLBACK_SECRET, SIMULATOR_PROJECT_ID, startProvisioningGateway } from '../../subscriptions/support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from '../../subscriptions/support/startProvisioningGateway.js';

const PHONE = SEEDED_PHONE_NUMBERS.sweden[0] ?? '';
const SUBSCRIPTION_TRACE = '1f2e3d4c5b6a79880123456789abcdef';
const CALLBACK_TRACE = 'fedcba98765432100123456789abcdef';

describe('Tracing across replicas: an event shared through Redis keeps its trace', () => {
  let redis: TestRedisServer;
  let traces: InMemoryTracing;
  let receiving: ProvisioningTestGateway;
  let publishing: ProvisioningTestGateway;

  beforeAll(async () => {
    redis = await startRedisServer();
    traces = inMemoryTracing();
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'tracing:', SINCH_CALLBACK_SECRET: CALLBACK_SECRET, PROVISIONING_POLLING: 'off' };
    receiving = await startProvisioningGateway({ tracing: traces.tracing, env });
    publishing = await startProvisioningGateway({ tracing: traces.tracing, env });
    // Both read the shared stream before anything is published (polled by hand: expect.poll is for tests).
    const deadline = Date.now() + 10_000;
    for (const gateway of [receiving, publishing]) {
      while ((await scrapeMetric(gateway.url, 'gateway_provisioning_event_bus_connected')) !== 1) {
        if (Date.now() > deadline) throw new Error(`${gateway.url} does not read the shared event stream`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });
  afterAll(async () => {
    await receiving?.close();
    await publishing?.close();
    await redis?.stop();
  });

  it('delivers a callback received by one replica to another replica\'s subscriber under the callback\'s span, linked to the subscription', async () => {
    const client = receiving.wsClient({ connectionParams: { traceparent: `00-${SUBSCRIPTION_TRACE}-0123456789abcdef-01` } });
    const received = receiving.subscribe(client, 'subscription Across { provisioningEvents(filter: { sources: [CALLBACK] }) { eventId } }');
    await expect.poll(() => scrapeMetric(receiving.url, 'gateway_graphql_active_subscriptions'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const eventId = randomUUID();
    const body = JSON.stringify({ eventId, timestamp: new Date().toISOString().replace('Z', '000'), projectId: SIMULATOR_PROJECT_ID, resourceId: PHONE, resourceType: 'ACTIVE_NUMBER', eventType: 'PROVISIONING_TO_VOICE_PLATFORM', status: 'SUCCEEDED' });
    const response = await request(`${publishing.url}/webhooks/numbers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sinch-signature': createHmac('sha1', CALLBACK_SECRET).update(body).digest('hex'), traceparent: `00-${CALLBACK_TRACE}-89abcdef01234567-01` },
      body,
    });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    await received.waitFor((events) => events.some((event) => event['eventId'] === eventId));
    received.unsubscribe();

    const spans = await traces.until((finished) => finished.some((span) => span.name === 'subscription Across') && finished.some((span) => span.name === 'provisioning.deliver'));
    const subscription = spans.find((span) => span.name === 'subscription Across');
    const callback = spans.find((span) => span.name === 'provisioning.callback' && span.spanContext().traceId === CALLBACK_TRACE);
    const delivery = spans.find((span) => span.name === 'provisioning.deliver' && span.attributes['provisioning.event.id'] === eventId);
    expect(delivery?.kind).toBe(SpanKind.CONSUMER);
    expect(delivery?.spanContext().traceId).toBe(CALLBACK_TRACE);
    expect(delivery?.parentSpanContext?.spanId).toBe(callback?.spanContext().spanId);
    expect(delivery?.links.map((link) => link.context.spanId)).toEqual([subscription?.spanContext().spanId]);
  });
});
