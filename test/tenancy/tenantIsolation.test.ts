import { describe, expect, it } from 'vitest';
import { SECOND_SIMULATOR_PROJECT, SIMULATOR_PROJECT } from '../../src/simulator/simulatorCredentials.js';
import { MAIN_PROJECT_ENTRY, newApiKey, SECOND_PROJECT_ENTRY } from '../support/startTenantGateway.js';
import { useTenantGateway } from './useTenantGateway.js';

const SAME_QUERY = /* GraphQL */ `
  query {
    numbers(first: 100) { totalCount nodes { phoneNumber displayName } }
    sipTrunks(first: 50) { totalCount nodes { id } }
    callbackConfiguration { projectId }
  }
`;

type SameQueryData = {
  numbers: { totalCount: number; nodes: Array<{ phoneNumber: string; displayName: string }> };
  sipTrunks: { totalCount: number; nodes: Array<{ id: string }> };
  callbackConfiguration: { projectId: string };
};

describe('Tenant isolation: two tenants on two Sinch projects', () => {
  const tenantA = newApiKey();
  const tenantB = newApiKey();
  const setup = useTenantGateway({
    auth: 'apiKey',
    tenantsFile: {
      tenants: [
        { id: 'tenant-a', apiKeys: [{ id: 'a-1', sha256: tenantA.sha256 }], projects: [MAIN_PROJECT_ENTRY] },
        { id: 'tenant-b', apiKeys: [{ id: 'b-1', sha256: tenantB.sha256 }], projects: [SECOND_PROJECT_ENTRY] },
      ],
    },
  });

  const as = (key: string) => setup.gateway.query<SameQueryData>(SAME_QUERY, undefined, { authorization: `Bearer ${key}` });

  it('answers the same query with each tenant\'s own data and nothing of the other\'s', async () => {
    const a = await as(tenantA.key);
    const b = await as(tenantB.key);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();

    expect(b.body.data).toEqual({
      numbers: {
        totalCount: 3,
        nodes: [1, 2, 3].map((index) => ({ phoneNumber: `+1312555010${index}`, displayName: `Second project line ${index}` })),
      },
      sipTrunks: { totalCount: 0, nodes: [] },
      callbackConfiguration: { projectId: SECOND_SIMULATOR_PROJECT.projectId },
    });
    expect(a.body.data?.callbackConfiguration).toEqual({ projectId: SIMULATOR_PROJECT.projectId });
    expect(a.body.data?.sipTrunks.totalCount).toBeGreaterThan(0);
    const numbersOfA = new Set(a.body.data?.numbers.nodes.map((node) => node.phoneNumber));
    expect(numbersOfA.size).toBeGreaterThan(50);
    expect(b.body.data?.numbers.nodes.filter((node) => numbersOfA.has(node.phoneNumber))).toEqual([]);
  });

  it('sends each tenant\'s requests with its own project\'s key only, and asks for one token per credential', async () => {
    await setup.gateway.expireSimulatorTokens();
    const during = async (key: string) => {
      const before = (await setup.gateway.authentications()).length;
      await as(key);
      return (await setup.gateway.authentications()).slice(before);
    };
    const afterA = await during(tenantA.key);
    const duringB = await during(tenantB.key);
    const duringAAgain = await during(tenantA.key);
    const all = await setup.gateway.authentications();

    expect(afterA.length).toBeGreaterThan(0);
    for (const entry of [...afterA, ...duringAAgain]) expect(entry).toMatchObject({ keyId: SIMULATOR_PROJECT.keyId, projectId: SIMULATOR_PROJECT.projectId });
    expect(duringB.length).toBeGreaterThan(0);
    for (const entry of duringB) expect(entry).toMatchObject({ keyId: SECOND_SIMULATOR_PROJECT.keyId, projectId: SECOND_SIMULATOR_PROJECT.projectId });
    for (const entry of all) {
      const mine = entry.keyId === SIMULATOR_PROJECT.keyId ? SIMULATOR_PROJECT : SECOND_SIMULATOR_PROJECT;
      expect(entry.path.startsWith('/oauth2/') || entry.path.startsWith(`/v1/projects/${mine.projectId}/`)).toBe(true);
    }
    // Tokens are cached per credential: after the expiry, one token request per key, none shared.
    const tokenRequests = all.filter((entry) => entry.service === 'AUTH').map((entry) => entry.keyId);
    expect(tokenRequests.sort()).toEqual([SIMULATOR_PROJECT.keyId, SECOND_SIMULATOR_PROJECT.keyId].sort());
  });

  it('refuses tenant B the project of tenant A, reaching no upstream', async () => {
    const response = await setup.gateway.query(`{ numbers(first: 1, projectId: "${SIMULATOR_PROJECT.projectId}") { totalCount } }`, undefined, { 'x-api-key': tenantB.key });
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await setup.gateway.simulatorRequests()).toEqual([]);
  });

  it('keeps what one tenant changes out of the other\'s view', async () => {
    const rename = `mutation { updateNumber(input: { phoneNumber: "+13125550101", displayName: "B only" }) { displayName } }`;
    const renamed = await setup.gateway.query(rename, undefined, { 'x-api-key': tenantB.key });
    expect(renamed.body.data).toEqual({ updateNumber: { displayName: 'B only' } });
    const seenByA = await setup.gateway.query(`{ number(phoneNumber: "+13125550101") { phoneNumber } }`, undefined, { 'x-api-key': tenantA.key });
    expect(seenByA.body).toMatchObject({ data: { number: null } });
  });
});
