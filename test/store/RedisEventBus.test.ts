import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisioningEvent } from '../../src/provisioning/ProvisioningEvent.js';
import { RedisEventBus } from '../../src/provisioning/ProvisioningEventBus.js';
import { createLogger } from '../../src/server/createLogger.js';
import { RedisConnection } from '../../src/store/RedisConnection.js';
import { startRedisServer, type TestRedisServer } from '../support/startRedisServer.js';

interface Replica {
  store: RedisConnection;
  bus: RedisEventBus;
  delivered: Array<{ eventId: string; fromAnotherReplica: boolean }>;
}

let sequence = 0;
function event(resourceId = '+46701740605'): ProvisioningEvent {
  sequence += 1;
  return {
    eventId: `event-${sequence}`,
    source: 'MUTATION',
    projectId: 'project-1',
    resourceType: 'ACTIVE_NUMBER',
    resourceId,
    eventType: 'SMS_PROVISIONING',
    status: 'WAITING',
    occurredAt: new Date().toISOString(),
    failureCode: null,
    internalFailureCode: null,
    number: null,
    numberOrder: null,
  };
}

/** Two event buses, as two replicas run them, over one real redis-server. */
describe('RedisEventBus: one stream, every replica, once, in one order', () => {
  let redis: TestRedisServer;
  let replicas: Replica[];
  const ids = (replica: Replica) => replica.delivered.map((entry) => entry.eventId);
  const shared = () => replicas.every((replica) => replica.bus.state === 'shared');

  beforeAll(async () => {
    redis = await startRedisServer();
    replicas = ['a', 'b'].map((replicaId) => {
      const store = new RedisConnection({ redisUrl: redis.url, keyPrefix: 'bus-test:' }, createLogger('silent'), { maxReconnectDelayMs: 100 });
      const delivered: Replica['delivered'] = [];
      const bus = new RedisEventBus({ store, replicaId, logger: createLogger('silent'), deliver: (value, fromAnotherReplica) => delivered.push({ eventId: value.eventId, fromAnotherReplica }) });
      return { store, bus, delivered };
    });
    const deadline = Date.now() + 5_000;
    while (!shared()) {
      if (Date.now() > deadline) throw new Error('the buses did not start reading the stream');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  afterAll(async () => {
    for (const replica of replicas ?? []) replica.bus.close();
    await Promise.all((replicas ?? []).map((replica) => replica.store.close()));
    await redis?.stop();
  });

  it('delivers every event of both publishers to both, once each, in the same order, its own ones marked as such', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const published: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      const value = event(index % 2 === 0 ? '+46701740605' : '+46701740606');
      published.push(value.eventId);
      (index % 3 === 0 ? b : a).bus.publish(value);
    }
    await expect.poll(() => [a, b].map((replica) => ids(replica).filter((id) => published.includes(id)).length), { timeout: 5_000 }).toEqual([40, 40]);
    const order = ids(a).filter((id) => published.includes(id));
    expect(ids(b).filter((id) => published.includes(id))).toEqual(order);
    expect(new Set(order).size).toBe(40);
    const own = a.delivered.filter((entry) => published.includes(entry.eventId) && !entry.fromAnotherReplica).map((entry) => entry.eventId);
    expect(own).toEqual(published.filter((_, index) => index % 3 !== 0));
  });

  it('skips a malformed entry and delivers the next one', async () => {
    const [a, b] = replicas as [Replica, Replica];
    await a.store.client.xadd(a.store.key('provisioning', 'events'), '*', 'o', 'someone', 'e', '{"not":"an event"}');
    await a.store.client.xadd(a.store.key('provisioning', 'events'), '*', 'o', 'someone', 'e', 'not json');
    const next = event();
    a.bus.publish(next);
    await expect.poll(() => [ids(a).includes(next.eventId), ids(b).includes(next.eventId)], { timeout: 5_000 }).toEqual([true, true]);
  });

  it('catches up, once, on what another replica published while its reading connection was cut', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const clients = (await a.store.client.call('CLIENT', 'LIST')) as string;
    const readers = clients
      .split('\n')
      .filter((line) => line.includes('name=sinch-graphql-gateway:provisioning-events'))
      .map((line) => /\bid=(\d+)/.exec(line)?.[1] ?? '');
    expect(readers).toHaveLength(2);
    for (const id of readers) await a.store.client.call('CLIENT', 'KILL', 'ID', id);
    // A third replica, whose connection is fine, publishes meanwhile.
    const published = Array.from({ length: 10 }, () => event());
    for (const value of published) await a.store.client.xadd(a.store.key('provisioning', 'events'), '*', 'o', 'c', 'e', JSON.stringify(value));
    const wanted = published.map((value) => value.eventId);
    await expect.poll(() => [a, b].map((replica) => ids(replica).filter((id) => wanted.includes(id))), { timeout: 5_000 }).toEqual([wanted, wanted]);
    expect(a.delivered.filter((entry) => wanted.includes(entry.eventId)).every((entry) => entry.fromAnotherReplica)).toBe(true);
  });

  it('while Redis is away delivers on the publishing replica only, at once; shares again once Redis is back', async () => {
    const [a, b] = replicas as [Replica, Replica];
    await redis.kill();
    await expect.poll(() => replicas.map((replica) => replica.bus.state), { timeout: 5_000 }).toEqual(['local-only', 'local-only']);
    const during = event();
    a.bus.publish(during);
    await expect.poll(() => a.delivered.find((entry) => entry.eventId === during.eventId), { timeout: 2_000 }).toEqual({ eventId: during.eventId, fromAnotherReplica: false });

    await redis.start();
    await expect.poll(shared, { timeout: 5_000 }).toBe(true);
    const after = event();
    b.bus.publish(after);
    await expect.poll(() => [ids(a).includes(after.eventId), ids(b).includes(after.eventId)], { timeout: 5_000 }).toEqual([true, true]);
    expect(ids(b)).not.toContain(during.eventId);
    expect(ids(a).filter((id) => id === during.eventId)).toHaveLength(1);
  }, 20_000);
});
