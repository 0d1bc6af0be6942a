import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { useSimulator } from '../../../src/server/useSimulator.js';
import { SEEDED_TRUNK_IDS, SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { createTrunkLoader, TRUNK_LIST_THRESHOLD } from '../../../src/upstream/sipTrunking/loaders/createTrunkLoader.js';
import { createUpstreamClients, type UpstreamClients } from '../../../src/upstream/UpstreamClients.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';

const scope = { projectId: SIMULATOR_PROJECT_ID, signal: new AbortController().signal };
const LIST = 'GET /v1/projects/{projectId}/trunks';
const GET_ONE = 'GET /v1/projects/{projectId}/trunks/{sipTrunkId}';

let simulator: RunningSimulator;
let admin: SimulatorAdmin;
let clients: UpstreamClients;

beforeAll(async () => {
  simulator = await startSimulator({ provisioning: 'manual' });
  admin = new SimulatorAdmin(simulator.url);
  const config = useSimulator(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), simulator.url);
  clients = createUpstreamClients({ sinch: config.sinch, upstream: config.upstream });
});
afterAll(async () => {
  await clients.close();
  await simulator.close();
});
beforeEach(() => admin.reset());

async function sipRoutes(): Promise<string[]> {
  return (await admin.requests('SIP_TRUNKING')).map((entry) => entry.route ?? entry.path);
}

function summary(results: Array<{ id: string } | null | Error>) {
  return results.map((result) => (result instanceof InvalidInputError ? `BAD_USER_INPUT ${result.argumentName}` : result instanceof Error ? result : result?.id ?? null));
}

describe('SIP Trunking loaders: every trunk id is checked before the batch rule', () => {
  it('answers an InvalidInputError for the bad key in the list branch, and lists the valid ones', async () => {
    const [first, ...others] = SEEDED_TRUNK_IDS.slice(0, TRUNK_LIST_THRESHOLD);
    const results = await createTrunkLoader(clients.sipTrunking, scope).loadMany([first ?? '', '../../x', ...others]);
    expect(summary(results)).toEqual([first, 'BAD_USER_INPUT trunkId', ...others]);
    expect(await sipRoutes()).toEqual([LIST]);
  });

  it('counts only valid ids against the threshold: two valid ids and a bad one are two GETs', async () => {
    const results = await createTrunkLoader(clients.sipTrunking, scope).loadMany(['bad id', SEEDED_TRUNK_IDS[0], SEEDED_TRUNK_IDS[1]]);
    expect(summary(results)).toEqual(['BAD_USER_INPUT trunkId', SEEDED_TRUNK_IDS[0], SEEDED_TRUNK_IDS[1]]);
    expect(await sipRoutes()).toEqual([GET_ONE, GET_ONE]);
  });

  it('makes no call at all for a batch of bad ids, even one over the threshold', async () => {
    const results = await createTrunkLoader(clients.sipTrunking, scope).loadMany(['../a', '../b', '../c', '%2F']);
    expect(summary(results)).toEqual(Array.from({ length: 4 }, () => 'BAD_USER_INPUT trunkId'));
    expect(await sipRoutes()).toEqual([]);
  });
});
