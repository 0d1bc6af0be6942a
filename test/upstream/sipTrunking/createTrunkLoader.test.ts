import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { createTrunkLoader, TRUNK_LIST_THRESHOLD } from '../../../src/upstream/sipTrunking/loaders/createTrunkLoader.js';
import { scope, useSipClients } from './support/useSipClients.js';

const LIST = 'GET /v1/projects/{projectId}/trunks';
const GET_ONE = 'GET /v1/projects/{projectId}/trunks/{sipTrunkId}';

const sip = useSipClients();

function summary(results: Array<{ id: string } | null | Error>) {
  return results.map((result) => (result instanceof InvalidInputError ? `BAD_USER_INPUT ${result.argumentName}` : result instanceof Error ? result : result?.id ?? null));
}

describe('SIP Trunking loaders: every trunk id is checked before the batch rule', () => {
  it('answers an InvalidInputError for the bad key in the list branch, and lists the valid ones', async () => {
    const [first, ...others] = SEEDED_TRUNK_IDS.slice(0, TRUNK_LIST_THRESHOLD);
    const results = await createTrunkLoader(sip.clients.sipTrunking, scope).loadMany([first ?? '', '../../x', ...others]);
    expect(summary(results)).toEqual([first, 'BAD_USER_INPUT trunkId', ...others]);
    expect(await sip.sipRoutes()).toEqual([LIST]);
  });

  it('counts only valid ids against the threshold: two valid ids and a bad one are two GETs', async () => {
    const results = await createTrunkLoader(sip.clients.sipTrunking, scope).loadMany(['bad id', SEEDED_TRUNK_IDS[0], SEEDED_TRUNK_IDS[1]]);
    expect(summary(results)).toEqual(['BAD_USER_INPUT trunkId', SEEDED_TRUNK_IDS[0], SEEDED_TRUNK_IDS[1]]);
    expect(await sip.sipRoutes()).toEqual([GET_ONE, GET_ONE]);
  });

  it('makes no call at all for a batch of bad ids, even one over the threshold', async () => {
    const results = await createTrunkLoader(sip.clients.sipTrunking, scope).loadMany(['../a', '../b', '../c', '%2F']);
    expect(summary(results)).toEqual(Array.from({ length: 4 }, () => 'BAD_USER_INPUT trunkId'));
    expect(await sip.sipRoutes()).toEqual([]);
  });
});
