import { describe, expect, it } from 'vitest';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { FOREIGN_TRUNK_NUMBER } from '../../../src/simulator/sipTrunking/seedCalls.js';
import type { RequestLogEntry } from '../../support/simulatorAdmin.js';
import { useSipTestGateway } from './support/useSipTestGateway.js';

/** The simulator's extra numbers (+1 415 7xx xxxx) are EST numbers spread over the 5 seeded trunks. */
const EXTRA_NUMBERS = 50;

// The failure tests inject outages on purpose; a circuit they open must not leak into the next test.
const sip = useSipTestGateway({ simulator: { extraNumbers: EXTRA_NUMBERS }, env: { UPSTREAM_CIRCUIT_MIN_CALLS: '1000' } });

/** Upstream calls of the query, by route template, without the token fetch. */
async function routesOf(query: () => Promise<unknown>): Promise<string[]> {
  await sip.admin.clearRequests();
  await query();
  const log: RequestLogEntry[] = await sip.admin.requests();
  return log.filter((entry) => entry.service !== 'AUTH').map((entry) => `${entry.service} ${entry.route ?? entry.path}`);
}

function count(routes: string[]): Record<string, number> {
  return routes.reduce<Record<string, number>>((counts, route) => ({ ...counts, [route]: (counts[route] ?? 0) + 1 }), {});
}

const NUMBERS_WITH_TRUNKS = /* GraphQL */ `
  query {
    numbers(first: 100, filter: { pattern: { pattern: "14157", searchPattern: START } }) {
      nodes { phoneNumber voice { type trunk { id name endpoints { id } } } }
    }
  }
`;

interface NumbersWithTrunks {
  numbers: { nodes: Array<{ phoneNumber: string; voice: { type: string; trunk: { id: string; name: string; endpoints: unknown[] } | null } | null }> };
}

describe('SIP Trunking graph: VoiceConfiguration.trunk through per-request loaders', () => {
  it('50 EST numbers on 5 trunks with trunk names and endpoints: 1 Numbers call, 1 trunk list, 1 endpoints call per trunk', async () => {
    let data: NumbersWithTrunks | null | undefined;
    const routes = await routesOf(async () => {
      const response = await sip.gateway.query<NumbersWithTrunks>(NUMBERS_WITH_TRUNKS);
      expect(response.body.errors).toBeUndefined();
      data = response.body.data;
    });
    const est = data?.numbers.nodes.filter((node) => node.voice?.type === 'EST') ?? [];
    expect(est).toHaveLength(EXTRA_NUMBERS);
    expect(new Set(est.map((node) => node.voice?.trunk?.id))).toEqual(new Set(SEEDED_TRUNK_IDS));
    expect(est.every((node) => node.voice?.trunk?.name.startsWith('Simulator trunk'))).toBe(true);
    expect(count(routes)).toEqual({
      'NUMBERS GET /v1/projects/{projectId}/activeNumbers': 1,
      'SIP_TRUNKING GET /v1/projects/{projectId}/trunks': 1,
      'SIP_TRUNKING GET /v1/projects/{projectId}/trunks/{sipTrunkId}/endpoints': SEEDED_TRUNK_IDS.length,
    });
  });

  it('keeps the numbers when the SIP API fails: trunk null with a typed error at its path', async () => {
    await sip.admin.addFault({ path: '/trunks', status: 503, body: { code: 503, status: 'UNAVAILABLE', message: 'down', details: [] }, times: 0 });
    const response = await sip.gateway.query<NumbersWithTrunks>(NUMBERS_WITH_TRUNKS);
    const nodes = response.body.data?.numbers.nodes ?? [];
    expect(nodes).toHaveLength(EXTRA_NUMBERS);
    const estIndexes = nodes.flatMap((node, index) => (node.voice?.type === 'EST' ? [index] : []));
    expect(estIndexes.every((index) => nodes[index]?.voice?.trunk === null)).toBe(true);
    const errors = response.body.errors ?? [];
    expect(errors.map((error) => error.path)).toEqual(estIndexes.map((index) => ['numbers', 'nodes', index, 'voice', 'trunk']));
    expect(errors[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { service: 'SIP_TRUNKING', httpStatus: 503 } });
  });

  it('resolves the pending trunk of a number under scheduled provisioning, not as its current trunk', async () => {
    const response = await sip.gateway.query<{ number: { voice: { type: string; trunk: unknown; scheduledProvisioning: { trunk: { id: string } | null } | null } } }>(
      `{ number(phoneNumber: "+12015550162") { voice { type trunk { id } scheduledProvisioning { trunk { id } } } } }`,
    );
    expect(response.body.data?.number.voice).toEqual({ type: 'RTC', trunk: null, scheduledProvisioning: { trunk: { id: SEEDED_TRUNK_IDS[0] } } });
  });
});

describe('SIP Trunking graph: SIP types to Numbers', () => {
  it('SipTrunk.numbers: one EST list call for the trunk, one Numbers read per distinct number', async () => {
    let numbers: Array<{ phoneNumber: string; displayName: string }> = [];
    const routes = await routesOf(async () => {
      const response = await sip.gateway.query<{ sipTrunk: { numbers: typeof numbers } }>(
        `query ($id: ID!) { sipTrunk(id: $id) { name numbers { phoneNumber displayName } } }`,
        { id: SEEDED_TRUNK_IDS[0] },
      );
      numbers = response.body.data?.sipTrunk.numbers ?? [];
    });
    expect(numbers.map((number) => number.phoneNumber).slice(0, 4)).toEqual(['+12015550110', '+12015550115', '+12015550120', '+12015550125']);
    expect(count(routes)).toEqual({
      'SIP_TRUNKING GET /v1/projects/{projectId}/trunks/{sipTrunkId}': 1,
      'SIP_TRUNKING GET /v1/projects/{projectId}/phoneNumbers': 1,
      'NUMBERS GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}': numbers.length,
    });
  });

  it('keeps the SIP data when the Numbers API fails: numbers null with a NUMBERS error', async () => {
    await sip.admin.addFault({ path: '/activeNumbers', status: 503, times: 0 });
    const response = await sip.gateway.query<{ sipTrunk: { name: string; numbers: unknown } }>(
      `query ($id: ID!) { sipTrunk(id: $id) { name numbers { phoneNumber } } }`,
      { id: SEEDED_TRUNK_IDS[0] },
    );
    expect(response.body.data?.sipTrunk).toEqual({ name: 'Simulator trunk 1', numbers: null });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]).toMatchObject({ path: ['sipTrunk', 'numbers'], extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { service: 'NUMBERS' } } });
  });

  it('CallRecord.number: the project\'s number, or null without an error for one that is not ours', async () => {
    let nodes: Array<{ sinchNumber: string | null; number: { phoneNumber: string } | null; trunk: { id: string } | null }> = [];
    const routes = await routesOf(async () => {
      const response = await sip.gateway.query<{ callRecords: { nodes: typeof nodes } }>(
        `query ($trunkId: ID!) { callRecords(first: 50, filter: { trunkId: $trunkId }) { nodes { sinchNumber number { phoneNumber } trunk { id } } } }`,
        { trunkId: SEEDED_TRUNK_IDS[0] },
      );
      expect(response.body.errors).toBeUndefined();
      nodes = response.body.data?.callRecords.nodes ?? [];
    });
    const foreign = nodes.filter((node) => node.sinchNumber === FOREIGN_TRUNK_NUMBER);
    const ours = nodes.filter((node) => node.sinchNumber !== FOREIGN_TRUNK_NUMBER);
    expect(foreign.length).toBe(4);
    expect(foreign.every((node) => node.number === null)).toBe(true);
    expect(ours.every((node) => node.number?.phoneNumber === node.sinchNumber)).toBe(true);
    expect(nodes.every((node) => node.trunk?.id === SEEDED_TRUNK_IDS[0])).toBe(true);
    const distinctNumbers = new Set(nodes.map((node) => node.sinchNumber)).size;
    expect(count(routes)).toEqual({
      'SIP_TRUNKING GET /v1/projects/{projectId}/calls': 1,
      'SIP_TRUNKING GET /v1/projects/{projectId}/trunks/{sipTrunkId}': 1,
      'NUMBERS GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}': distinctNumbers,
    });
  });

  it('lists prime the single-resource loaders: trunks → ACLs → their trunks costs no trunk reads', async () => {
    const routes = await routesOf(async () => {
      const response = await sip.gateway.query(`{ sipTrunks(first: 5) { nodes { name endpoints { id } accessControlLists { name trunks { name } } } } }`);
      expect(response.body.errors).toBeUndefined();
    });
    expect(count(routes)).toEqual({
      'SIP_TRUNKING GET /v1/projects/{projectId}/trunks': 1,
      'SIP_TRUNKING GET /v1/projects/{projectId}/trunks/{sipTrunkId}/endpoints': 5,
      'SIP_TRUNKING GET /v1/projects/{projectId}/trunks/{trunkId}/accessControlLists': 5,
      'SIP_TRUNKING GET /v1/projects/{projectId}/accessControlLists/{id}': 3,
    });
  });
});
