import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SERVICE_PLAN_IDS, SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startRedisServer, type TestRedisServer } from '../support/startRedisServer.js';
import { startReplicaSet, type ReplicaSet } from '../support/startReplicaSet.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { CallbacksAdmin } from '../webhooks/support/callbacksAdmin.js';
import { numberGets, postCallback, ReplicaClients, scrapeMetric, signedCallback, type Collected } from './support/replicaClients.js';

const SECRET = 'shared-events-secret-0123456789abcdef';
const CALLBACKS = 'subscription { provisioningEvents(filter: { sources: [CALLBACK] }) { eventId source status resourceId } }';
const MUTATIONS = 'subscription { provisioningEvents(filter: { sources: [MUTATION] }) { eventId source status resourceId } }';
const FOLLOW = 'subscription ($n: PhoneNumber!) { numberProvisioningChanged(phoneNumber: $n) { eventId source status } }';
const UPDATE = 'mutation ($input: UpdateNumberInput!) { updateNumber(input: $input) { phoneNumber } }';
const LEASE_MS = 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const idsOf = (collected: Collected) => collected.events.map((event: { eventId: string }) => event.eventId);
const countOf = (collected: Collected, eventId: string) => idsOf(collected).filter((id) => id === eventId).length;

/**
 * Three gateway processes, one real redis-server (killed and restarted), one simulator process:
 * callbacks, mutations and polls of any replica reach the subscribers of every replica, once.
 */
describe('Shared provisioning events: three replicas, one Redis, one simulator', () => {
  let redis: TestRedisServer;
  let set: ReplicaSet;
  let admin: SimulatorAdmin;
  const clients = new ReplicaClients();
  const urls = () => set.replicas.map((replica) => replica.url);

  /** Resolves once every replica counts `count` open subscriptions (they are registered, events will reach them). */
  const subscribed = async (count: number) => {
    for (const url of urls()) await expect.poll(() => scrapeMetric(url, 'gateway_graphql_active_subscriptions'), { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  };
  /** Every replica reads the shared stream (polled by hand: expect.poll is for tests, this runs in beforeAll too). */
  const busesConnected = async (timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (const url of urls()) {
      while ((await scrapeMetric(url, 'gateway_provisioning_event_bus_connected')) !== 1) {
        if (Date.now() > deadline) throw new Error(`${url} does not read the shared event stream`);
        await sleep(50);
      }
    }
  };
  const everyone = (query: string, variables?: Record<string, unknown>) => urls().map((url) => clients.subscribe(url, query, variables));

  beforeAll(async () => {
    redis = await startRedisServer();
    set = await startReplicaSet({
      replicas: 3,
      startTimeoutMs: 60_000,
      env: {
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: 'shared-events:',
        SINCH_CALLBACK_SECRET: SECRET,
        PROVISIONING_POLLING: 'always',
        PROVISIONING_POLL_MIN_MS: '150',
        PROVISIONING_POLL_MAX_MS: '300',
        PROVISIONING_POLL_LEASE_MS: String(LEASE_MS),
      },
    });
    admin = new SimulatorAdmin(set.simulator.url);
    await admin.configure({ provisioning: 'manual' });
    await busesConnected();
  }, 150_000);

  afterAll(async () => {
    await clients.dispose();
    await set?.close();
    await redis?.stop();
  }, 60_000);

  it('delivers a callback received by replica 1 to the subscribers of replicas 1, 2 and 3, once each', async () => {
    const subscribers = everyone(CALLBACKS);
    await subscribed(1);
    const callback = signedCallback(SECRET);
    expect(await postCallback(urls()[0]!, callback)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    // A number order's callback, received by replica 3, takes the same way.
    const order = signedCallback(SECRET, { resourceType: 'NUMBER_ORDER', resourceId: '01jgkbb8xywmz3hhahd76menqf', eventType: 'NUMBER_ORDER_PROCESSING', status: 'IN_REVIEW' });
    expect((await postCallback(urls()[2]!, order)).status).toBe(200);
    for (const subscriber of subscribers) await expect.poll(() => [countOf(subscriber, callback.eventId), countOf(subscriber, order.eventId)], { timeout: 5_000 }).toEqual([1, 1]);
    await sleep(300);
    expect(subscribers.map((subscriber) => [countOf(subscriber, callback.eventId), countOf(subscriber, order.eventId)])).toEqual([[1, 1], [1, 1], [1, 1]]);
    expect(await scrapeMetric(urls()[1]!, 'gateway_provisioning_events_relayed_total')).toBeGreaterThanOrEqual(2);
    expect(await scrapeMetric(urls()[0]!, 'gateway_provisioning_events_published_total', (labels) => labels['path'] === 'shared')).toBeGreaterThanOrEqual(1);
    for (const subscriber of subscribers) subscriber.unsubscribe();
  }, 30_000);

  it('processes a callback delivered to two replicas at once a single time: one re-read, one event per subscriber', async () => {
    const subscribers = everyone(CALLBACKS);
    await subscribed(1);
    const getsBefore = await Promise.all(urls().map(numberGets));
    const callback = signedCallback(SECRET, { resourceId: '+46701740606' });
    const answers = await Promise.all([postCallback(urls()[1]!, callback), postCallback(urls()[2]!, callback)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(answers.map((answer) => answer.body['duplicate']).sort()).toEqual([false, true]);
    for (const subscriber of subscribers) await expect.poll(() => countOf(subscriber, callback.eventId), { timeout: 5_000 }).toBe(1);
    await sleep(300);
    expect(subscribers.map((subscriber) => countOf(subscriber, callback.eventId))).toEqual([1, 1, 1]);
    const getsAfter = await Promise.all(urls().map(numberGets));
    expect(getsAfter.reduce((sum, value) => sum + value, 0) - getsBefore.reduce((sum, value) => sum + value, 0)).toBe(1);
    expect(await Promise.all(urls().map((url) => scrapeMetric(url, 'gateway_webhook_callbacks_total', (labels) => labels['outcome'] === 'duplicate')))).toContain(1);
    for (const subscriber of subscribers) subscriber.unsubscribe();
  }, 30_000);

  it('gives every replica the events of one number in the same order, whichever replica received each', async () => {
    const subscribers = everyone(CALLBACKS);
    await subscribed(1);
    const sent: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const callback = signedCallback(SECRET, { status: index % 2 === 0 ? 'SUCCEEDED' : 'FAILED', failureCode: index % 2 === 0 ? null : 'CAMPAIGN_MNO_REVIEW' });
      sent.push(callback.eventId);
      expect((await postCallback(urls()[index % 3]!, callback)).status).toBe(200);
    }
    for (const subscriber of subscribers) await expect.poll(() => idsOf(subscriber).filter((id) => sent.includes(id)).length, { timeout: 5_000 }).toBe(6);
    const orders = subscribers.map((subscriber) => idsOf(subscriber).filter((id) => sent.includes(id)));
    expect(new Set(orders[0])).toEqual(new Set(sent));
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
    for (const subscriber of subscribers) subscriber.unsubscribe();
  }, 30_000);

  it('delivers a mutation made through replica 2 to the subscribers of every replica', async () => {
    const subscribers = everyone(MUTATIONS);
    await subscribed(1);
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[2];
    const answer = await postGraphQL(urls()[1]!, UPDATE, { input: { phoneNumber, sms: { servicePlanId: SEED_SERVICE_PLAN_IDS[1] } } });
    expect(answer.body.errors).toBeUndefined();
    for (const subscriber of subscribers) await expect.poll(() => subscriber.events.filter((event: { resourceId: string }) => event.resourceId === phoneNumber).length, { timeout: 5_000 }).toBe(1);
    expect(new Set(subscribers.map((subscriber) => subscriber.events[0].eventId)).size).toBe(1);
    for (const subscriber of subscribers) subscriber.unsubscribe();
  }, 30_000);

  it('polls a number followed on every replica from one replica only, gives its POLL events to all, and hands polling over when that replica dies', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.smsWaiting[0];
    const followers = everyone(FOLLOW, { n: phoneNumber });
    for (const follower of followers) await expect.poll(() => follower.events.length, { timeout: 10_000 }).toBe(1);
    expect(followers.map((follower) => follower.events[0].status)).toEqual(['WAITING', 'WAITING', 'WAITING']);

    // One replica polls, the others ask for the lease and stay quiet.
    await sleep(LEASE_MS);
    const before = await Promise.all(urls().map(numberGets));
    await sleep(1_500);
    const after = await Promise.all(urls().map(numberGets));
    const polled = after.map((value, index) => value - before[index]!);
    expect(polled.filter((count) => count > 0)).toHaveLength(1);
    const holder = polled.findIndex((count) => count > 0);
    expect(await Promise.all(urls().map((url) => scrapeMetric(url, 'gateway_provisioning_poll_leases_held')))).toEqual(urls().map((_, index) => (index === holder ? 1 : 0)));

    await admin.advance(phoneNumber);
    for (const follower of followers) await expect.poll(() => follower.events.filter((event: { status: string }) => event.status === 'IN_PROGRESS').length, { timeout: 5_000 }).toBe(1);
    expect(new Set(followers.map((follower) => follower.events[1].eventId)).size).toBe(1);
    expect(followers.map((follower) => follower.events[1].source)).toEqual(['POLL', 'POLL', 'POLL']);

    // The holder crashes: its lease expires, and one of the others polls from then on.
    await set.replicas[holder]!.kill();
    const survivors = [0, 1, 2].filter((index) => index !== holder);
    const survivorGets = () => Promise.all(survivors.map((index) => numberGets(set.replicas[index]!.url)));
    const quiet = await survivorGets();
    await expect.poll(async () => (await survivorGets()).some((value, index) => value > quiet[index]!), { timeout: LEASE_MS + 5_000 }).toBe(true);
    await admin.advance(phoneNumber);
    for (const index of survivors) {
      await expect.poll(() => followers[index]!.events.filter((event: { status: string }) => event.status === 'SUCCEEDED').length, { timeout: LEASE_MS + 5_000 }).toBe(1);
    }
    for (const follower of followers) follower.unsubscribe();
    await set.restart(holder);
    await expect.poll(() => scrapeMetric(set.replicas[holder]!.url, 'gateway_provisioning_event_bus_connected'), { timeout: 10_000 }).toBe(1);
  }, 120_000);

  it('while Redis is away: callbacks are answered 503 for a retry, local events still flow; within seconds of its return everything is shared again, without a restart', async () => {
    const callbackSubscribers = everyone(CALLBACKS);
    const mutationSubscribers = everyone(MUTATIONS);
    await subscribed(2);
    // A number whose provisioning the simulator will call back about, at replica 1, retrying as Sinch does.
    const callbacks = new CallbacksAdmin(set.simulator.url);
    await callbacks.configure({ maxRetries: 10, retryBackoffMs: 300 });
    expect((await postGraphQL(urls()[0]!, 'mutation ($s: String!) { updateCallbackConfiguration(hmacSecret: $s) { hmacSecretConfigured } }', { s: SECRET })).body.errors).toBeUndefined();
    const calledBack = SEEDED_PHONE_NUMBERS.provisioned[8];
    const rent = await postGraphQL(urls()[0]!, UPDATE, { input: { phoneNumber: calledBack, sms: { servicePlanId: SEED_SERVICE_PLAN_IDS[1] }, callbackUrl: `${urls()[0]}/webhooks/numbers` } });
    expect(rent.body.errors).toBeUndefined();

    await redis.kill();
    for (const url of urls()) await expect.poll(() => scrapeMetric(url, 'gateway_provisioning_event_bus_connected'), { timeout: 5_000 }).toBe(0);

    // Still ready (reads and mutations work), and saying that events stay on each replica.
    const ready = await fetch(`${urls()[1]}/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', provisioningEvents: 'local-only', store: expect.stringMatching(/^redis: /) }]);

    const callback = signedCallback(SECRET);
    expect(await postCallback(urls()[0]!, callback)).toMatchObject({ status: 503, body: { error: { code: 'WEBHOOK_DEDUPE_UNAVAILABLE' } } });

    // A mutation on replica 1 still reaches replica 1's own subscribers.
    const local = SEEDED_PHONE_NUMBERS.provisioned[4];
    expect((await postGraphQL(urls()[0]!, UPDATE, { input: { phoneNumber: local, sms: { servicePlanId: SEED_SERVICE_PLAN_IDS[1] } } })).body.errors).toBeUndefined();
    await expect.poll(() => mutationSubscribers[0]!.events.filter((event: { resourceId: string }) => event.resourceId === local).length, { timeout: 5_000 }).toBe(1);

    // The simulator's own callback meets the outage: 503, retried.
    await admin.advance(calledBack);
    await admin.advance(calledBack);
    await expect.poll(async () => (await callbacks.list(calledBack)).some((sent) => sent.responseStatus === 503 && sent.attempts >= 2), { timeout: 10_000 }).toBe(true);

    await redis.start();
    const backAt = Date.now();
    for (const url of urls()) await expect.poll(() => scrapeMetric(url, 'gateway_provisioning_event_bus_connected'), { timeout: 10_000 }).toBe(1);
    expect(Date.now() - backAt).toBeLessThan(10_000);
    expect(await (await fetch(`${urls()[1]}/ready`)).json()).toEqual({ status: 'ready', provisioningEvents: 'shared', store: expect.stringMatching(/^redis: /) });

    // Sinch's retry of the refused callback is processed once and reaches every replica.
    expect(await postCallback(urls()[0]!, callback)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    for (const subscriber of callbackSubscribers) await expect.poll(() => countOf(subscriber, callback.eventId), { timeout: 5_000 }).toBe(1);

    // The simulator's retry got through once Redis was back: one event on every replica.
    await expect.poll(async () => (await callbacks.list(calledBack)).every((sent) => sent.state === 'DELIVERED' && sent.responseStatus === 200), { timeout: 20_000 }).toBe(true);
    const sentIds = (await callbacks.list(calledBack)).map((sent) => sent.payload.eventId).sort();
    expect(sentIds.length).toBeGreaterThan(0);
    const receivedIds = (subscriber: Collected) => subscriber.events.filter((event: { resourceId: string }) => event.resourceId === calledBack).map((event: { eventId: string }) => event.eventId).sort();
    for (const subscriber of callbackSubscribers) await expect.poll(() => receivedIds(subscriber), { timeout: 5_000 }).toEqual(sentIds);

    // And a mutation is shared again.
    const shared = SEEDED_PHONE_NUMBERS.provisioned[6];
    expect((await postGraphQL(urls()[2]!, UPDATE, { input: { phoneNumber: shared, sms: { servicePlanId: SEED_SERVICE_PLAN_IDS[1] } } })).body.errors).toBeUndefined();
    for (const subscriber of mutationSubscribers) await expect.poll(() => subscriber.events.filter((event: { resourceId: string }) => event.resourceId === shared).length, { timeout: 5_000 }).toBe(1);
    await sleep(300);
    expect(mutationSubscribers.map((subscriber) => subscriber.events.filter((event: { resourceId: string }) => event.resourceId === local).length)).toEqual([1, 0, 0]);
    expect(callbackSubscribers.map((subscriber) => countOf(subscriber, callback.eventId))).toEqual([1, 1, 1]);
    expect(callbackSubscribers.map(receivedIds)).toEqual([sentIds, sentIds, sentIds]);
  }, 90_000);
});
