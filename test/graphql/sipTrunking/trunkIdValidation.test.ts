import { describe, expect, it } from 'vitest';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { TRUNK_LIST_THRESHOLD } from '../../../src/upstream/sipTrunking/loaders/createTrunkLoader.js';
import { useSipTestGateway } from './support/useSipTestGateway.js';

const BAD_ID = '../../x';
const LIST = 'GET /v1/projects/{projectId}/trunks';
const GET_ONE = 'GET /v1/projects/{projectId}/trunks/{sipTrunkId}';

const sip = useSipTestGateway();

async function sipRoutes(): Promise<string[]> {
  return (await sip.admin.requests('SIP_TRUNKING')).map((entry) => entry.route ?? entry.path);
}

/** `sipTrunk(id:)` once per id, aliased `t0`, `t1`, ... in one operation, so the loader batches them. */
function aliasedTrunks(ids: readonly string[]): string {
  return `query { ${ids.map((id, index) => `t${index}: sipTrunk(id: ${JSON.stringify(id)}) { id }`).join(' ')} }`;
}

describe('Query.sipTrunk: an id that fails its pattern, whatever the batch', () => {
  it.each([
    ['alone', [BAD_ID], []],
    ['with one valid id (parallel GETs)', [BAD_ID, SEEDED_TRUNK_IDS[0]], [GET_ONE]],
    [`with ${TRUNK_LIST_THRESHOLD} valid ids (one list call)`, [BAD_ID, ...SEEDED_TRUNK_IDS.slice(0, TRUNK_LIST_THRESHOLD)], [LIST]],
  ])('is BAD_USER_INPUT on `id` %s, and the other trunks resolve', async (_name, ids, routes) => {
    const response = await sip.gateway.query<Record<string, { id: string } | null>>(aliasedTrunks(ids));
    const expected = Object.fromEntries(ids.map((id, index) => [`t${index}`, id === BAD_ID ? null : { id }]));
    expect(response.body.data).toEqual(expected);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: ['t0'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'id' }) }),
    ]);
    expect(await sipRoutes()).toEqual(routes);
  });
});
