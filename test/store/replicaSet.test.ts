import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/postGraphQL.js';
import { startReplicaSet, type ReplicaSet } from '../support/startReplicaSet.js';

describe('Replica set: three gateway processes in front of one simulator process', () => {
  let set: ReplicaSet;

  beforeAll(async () => {
    set = await startReplicaSet({ replicas: 3, startTimeoutMs: 60_000 });
  }, 150_000);

  afterAll(async () => {
    await set?.close();
  }, 30_000);

  it('serves the same simulator from every replica, and a restarted replica serves again', async () => {
    const answers = await Promise.all(set.replicas.map((replica) => postGraphQL<{ numbers: { totalCount: number } }>(replica.url, '{ numbers(first: 1) { totalCount } }')));
    const counts = answers.map((answer) => answer.body.data?.numbers.totalCount);
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);

    const restarted = await set.restart(1);
    const again = await postGraphQL<{ numbers: { totalCount: number } }>(restarted.url, '{ numbers(first: 1) { totalCount } }');
    expect(again.body.data?.numbers.totalCount).toBe(counts[0]);
  }, 90_000);
});
