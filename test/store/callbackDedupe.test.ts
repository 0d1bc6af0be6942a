import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/createLogger.js';
import { RedisConnection } from '../../src/store/RedisConnection.js';
import { RedisEventIdClaims } from '../../src/store/RedisEventIdClaims.js';
import { startRedisServer, type TestRedisServer } from '../support/startRedisServer.js';
import { startWebhookApp, type WebhookApp } from '../webhooks/support/startWebhookApp.js';

const PROJECT = '37b62a7b-0177-abcd-efgh-e10f848de123';
const SECRET = 'callback-secret';
const sign = (body: string) => createHmac('sha1', SECRET).update(body).digest('hex');

function callback(eventId: string = randomUUID(), timestamp = new Date().toISOString().replace('Z', '000')): string {
  return JSON.stringify({ eventId, timestamp, projectId: PROJECT, resourceId: '+17818510001', resourceType: 'ACTIVE_NUMBER', eventType: 'PROVISIONING_TO_SMS_PLATFORM', status: 'SUCCEEDED', failureCode: null });
}

async function post(url: string, body: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sinch-signature': sign(body) }, body });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
}

/** Two receivers, as two replicas would run them, sharing one real redis-server that is killed and restarted. */
describe('Callback dedupe shared in Redis: two receivers, one redis-server', () => {
  let redis: TestRedisServer;
  let stores: RedisConnection[];
  let receivers: WebhookApp[];
  const outcomes: string[] = [];
  const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
  const processed = () => receivers.flatMap((receiver) => receiver.events.map((event) => event.eventId));

  beforeAll(async () => {
    redis = await startRedisServer();
    stores = [0, 1].map(() => new RedisConnection({ redisUrl: redis.url, keyPrefix: 'dedupe-test:' }, createLogger('silent'), { maxReconnectDelayMs: 100 }));
    await Promise.all(stores.map((store) => store.waitUntilReady()));
    receivers = await Promise.all(
      stores.map((store) => startWebhookApp({ claims: new RedisEventIdClaims(store), onOutcome: (outcome) => outcomes.push(outcome) }, { [PROJECT]: SECRET })),
    );
  });

  afterAll(async () => {
    await Promise.all((receivers ?? []).map((receiver) => receiver.close()));
    await Promise.all((stores ?? []).map((store) => store.close()));
    await redis?.stop();
  });

  it('processes a callback delivered to both receivers once, and answers both 200', async () => {
    const body = callback();
    const [first, second] = [await post(receivers[0]!.url, body), await post(receivers[1]!.url, body)];
    expect([first.body, second.body]).toEqual([{ received: true, duplicate: false }, { received: true, duplicate: true }]);
    await settle();
    expect(processed().filter((id) => id === JSON.parse(body).eventId)).toHaveLength(1);
  });

  it('lets exactly one of many simultaneous deliveries of one event win, across both receivers', async () => {
    const body = callback();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => post(receivers[index % 2]!.url, body)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.body['duplicate'] === false)).toHaveLength(1);
    await settle();
    expect(processed().filter((id) => id === JSON.parse(body).eventId)).toHaveLength(1);
  });

  it('keeps the claim until the event is too old to be accepted, under a key that names neither project nor event', async () => {
    const eventId = `claim-ttl-${randomUUID()}`;
    const occurredAt = Date.now() - 3_600_000;
    expect((await post(receivers[0]!.url, callback(eventId, new Date(occurredAt).toISOString().replace('Z', '000')))).body.duplicate).toBe(false);
    const keys = await stores[0]!.client.keys('dedupe-test:webhook:event:*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join()).not.toContain(eventId);
    expect(keys.join()).not.toContain(PROJECT);
    const ttls = await Promise.all(keys.map((key) => stores[0]!.client.pttl(key)));
    // 24 h of age + 300 s of skew, minus the hour already gone: about 23 h 5 min.
    const expected = occurredAt + 86_400_000 + 300_000 - Date.now();
    expect(ttls.some((ttl) => Math.abs(ttl - expected) < 60_000)).toBe(true);
  });

  it('still knows a claimed event after a receiver restarts with an empty memory', async () => {
    const body = callback();
    expect((await post(receivers[0]!.url, body)).body.duplicate).toBe(false);
    await receivers[0]!.close();
    receivers[0] = await startWebhookApp({ claims: new RedisEventIdClaims(stores[0]!), onOutcome: (outcome) => outcomes.push(outcome) }, { [PROJECT]: SECRET });
    expect((await post(receivers[0]!.url, body)).body).toEqual({ received: true, duplicate: true });
    await settle();
    expect(processed().filter((id) => id === JSON.parse(body).eventId)).toHaveLength(0);
  });

  it('answers 503 with Retry-After while Redis is away, processes nothing, and takes the retry once Redis is back, without a restart', async () => {
    const body = callback();
    const eventId = JSON.parse(body).eventId as string;
    await redis.kill();
    await expect.poll(() => stores.map((store) => store.state), { timeout: 5_000 }).toEqual(['down', 'down']);
    for (const receiver of receivers) {
      const answer = await post(receiver.url, body);
      expect(answer).toMatchObject({ status: 503, retryAfter: '5', body: { error: { code: 'WEBHOOK_DEDUPE_UNAVAILABLE' } } });
    }
    await settle();
    expect(processed()).not.toContain(eventId);
    expect(outcomes.filter((outcome) => outcome === 'dedupe_unavailable')).toHaveLength(2);

    await redis.start();
    await Promise.all(stores.map((store) => store.waitUntilReady(5_000)));
    const retries = [await post(receivers[1]!.url, body), await post(receivers[0]!.url, body)];
    expect(retries.map((retry) => retry.body)).toEqual([{ received: true, duplicate: false }, { received: true, duplicate: true }]);
    await settle();
    expect(processed().filter((id) => id === eventId)).toHaveLength(1);
  }, 20_000);
});
