import { describe, expect, it } from 'vitest';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { seedId } from '../../../src/simulator/sipTrunking/seedIds.js';
import { useSipTestGateway } from './support/useSipTestGateway.js';

const sip = useSipTestGateway();

async function mutate<T = Record<string, unknown>>(document: string, variables?: Record<string, unknown>) {
  const response = await sip.gateway.query<T>(document, variables);
  return { data: response.body.data, errors: response.body.errors ?? [] };
}

describe('SIP Trunking mutations: trunks are replaced whole', () => {
  it('creates a trunk, then a replace without optional fields resets them to their defaults', async () => {
    const created = await mutate<{ createSipTrunk: { id: string; domain: string } }>(
      `mutation { createSipTrunk(input: { name: "Edge", hostName: "edge-1", enableCallerName: true }) { id domain } }`,
    );
    const id = created.data?.createSipTrunk.id ?? '';
    expect(created.data?.createSipTrunk.domain).toBe('edge-1.pstn.sinch.com');
    await mutate(`mutation ($id: ID!) { replaceSipTrunk(id: $id, input: { name: "Edge", hostName: "edge-1", enableCallerName: true, callForwardNumber: "+12025550150", enableCallForward: true }) { id } }`, { id });
    const replaced = await mutate<{ replaceSipTrunk: Record<string, unknown> }>(
      `mutation ($id: ID!) { replaceSipTrunk(id: $id, input: { name: "Edge 2", hostName: "edge-1" }) { name enableCallerName callForwardNumber enableCallForward updateTime } }`,
      { id },
    );
    expect(replaced.data?.replaceSipTrunk).toMatchObject({ name: 'Edge 2', enableCallerName: false, callForwardNumber: null, enableCallForward: false });
    expect(replaced.data?.replaceSipTrunk['updateTime']).toEqual(expect.any(String));
    expect((await mutate(`mutation ($id: ID!) { deleteSipTrunk(id: $id) }`, { id })).data).toEqual({ deleteSipTrunk: id });
    expect((await mutate(`query ($id: ID!) { sipTrunk(id: $id) { id } }`, { id })).data).toEqual({ sipTrunk: null });
  });

  it('maps seed-003 refusals to typed errors: FAILED_PRECONDITION, CONFLICT, BAD_USER_INPUT', async () => {
    const busy = await mutate(`mutation ($id: ID!) { deleteSipTrunk(id: $id) }`, { id: SEEDED_TRUNK_IDS[0] });
    expect(busy.errors[0]?.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      upstream: { service: 'SIP_TRUNKING', httpStatus: 400, message: `Cannot delete SIP Trunk ${SEEDED_TRUNK_IDS[0]} when there are phone numbers assigned.` },
    });
    const twice = await mutate(`mutation ($t: ID!, $a: ID!) { addAccessControlListsToTrunk(trunkId: $t, accessControlListIds: [$a]) { id } }`, {
      t: SEEDED_TRUNK_IDS[0],
      a: seedId('ACGR', 0),
    });
    expect(twice.errors[0]?.extensions?.['code']).toBe('CONFLICT');
    const badId = await mutate(`mutation { deleteSipTrunk(id: "../admin") }`);
    expect(badId.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });
});

describe('SIP Trunking mutations: endpoints, access control and credentials', () => {
  it('adds static and registered endpoints and shows them on the trunk', async () => {
    const trunkId = SEEDED_TRUNK_IDS[4];
    const result = await mutate<Record<string, { __typename: string; trunk: { id: string } }>>(
      `mutation ($t: ID!) {
        a: createStaticSipEndpoint(trunkId: $t, input: { name: "PBX", address: "192.0.2.10", priority: 1 }) { __typename trunk { id } ... on StaticSipEndpoint { port } }
        b: createRegisteredSipEndpoint(trunkId: $t, input: { name: "Soft", credentialUsername: "carol.soft", priority: 2, transport: TLS }) { __typename trunk { id } }
      }`,
      { t: trunkId },
    );
    expect(result.errors).toEqual([]);
    expect(result.data?.['a']).toMatchObject({ __typename: 'StaticSipEndpoint', port: 5060, trunk: { id: trunkId } });
    expect(result.data?.['b']?.__typename).toBe('RegisteredSipEndpoint');
    const trunk = await mutate<{ sipTrunk: { endpoints: Array<{ name: string; transport: string }> } }>(
      `query ($t: ID!) { sipTrunk(id: $t) { endpoints { name transport } } }`,
      { t: trunkId },
    );
    expect(trunk.data?.sipTrunk.endpoints).toEqual([{ name: 'PBX', transport: 'UDP' }, { name: 'Soft', transport: 'TLS' }]);
  });

  it('links and unlinks an access control list; both directions of the link follow', async () => {
    const acl = await mutate<{ createAccessControlList: { id: string; ipRanges: Array<{ range: number }> } }>(
      `mutation { createAccessControlList(input: { name: "Lab", ipRanges: [{ ipAddress: "10.1.0.0", range: 16 }, { ipAddress: "10.2.0.1" }] }) { id ipRanges { range } } }`,
    );
    const aclId = acl.data?.createAccessControlList.id ?? '';
    expect(acl.data?.createAccessControlList.ipRanges).toEqual([{ range: 16 }, { range: 32 }]);
    const linked = await mutate<{ addAccessControlListsToTrunk: { accessControlLists: Array<{ id: string; trunks: Array<{ id: string }> }> } }>(
      `mutation ($t: ID!, $a: ID!) { addAccessControlListsToTrunk(trunkId: $t, accessControlListIds: [$a]) { accessControlLists { id trunks { id } } } }`,
      { t: SEEDED_TRUNK_IDS[3], a: aclId },
    );
    expect(linked.data?.addAccessControlListsToTrunk.accessControlLists).toEqual([{ id: aclId, trunks: [{ id: SEEDED_TRUNK_IDS[3] }] }]);
    const unlinked = await mutate<{ removeAccessControlListFromTrunk: { accessControlLists: unknown[] } }>(
      `mutation ($t: ID!, $a: ID!) { removeAccessControlListFromTrunk(trunkId: $t, accessControlListId: $a) { accessControlLists { id } } }`,
      { t: SEEDED_TRUNK_IDS[3], a: aclId },
    );
    expect(unlinked.data?.removeAccessControlListFromTrunk.accessControlLists).toEqual([]);
  });

  it('accepts passwords but never returns them or lets them reach the request log', async () => {
    const password = 'Never-Shown-Passw0rd';
    const created = await mutate<{ createCredentialList: { id: string; credentials: Array<{ username: string }> } }>(
      `mutation ($p: String!) { createCredentialList(input: { name: "Field phones", credentials: [{ username: "field.one", password: $p }] }) { id credentials { username } } }`,
      { p: password },
    );
    const listId = created.data?.createCredentialList.id ?? '';
    const set = await mutate(`mutation ($l: ID!, $p: String!) { setCredential(credentialListId: $l, input: { username: "field.two", password: $p }) { id username } }`, { l: listId, p: password });
    const replaced = await mutate<{ replaceTrunkCredentialLists: { credentialLists: Array<{ id: string; credentials: Array<{ username: string }> }> } }>(
      `mutation ($t: ID!, $l: ID!) { replaceTrunkCredentialLists(trunkId: $t, credentialListIds: [$l]) { credentialLists { id credentials { username } } } }`,
      { t: SEEDED_TRUNK_IDS[4], l: listId },
    );
    expect(replaced.data?.replaceTrunkCredentialLists.credentialLists).toEqual([{ id: listId, credentials: [{ username: 'field.one' }, { username: 'field.two' }] }]);
    expect(JSON.stringify([created, set, replaced, await sip.admin.requests()])).not.toContain(password);
  });
});

describe('SIP Trunking mutations: numbers on trunks (Numbers API PATCH)', () => {
  it('assigns a number to a trunk: the change is scheduled, and shows as the pending trunk', async () => {
    const result = await mutate<{ assignNumberToTrunk: { voice: { type: string; scheduledProvisioning: { type: string; trunk: { id: string } } } } }>(
      `mutation ($t: ID!) { assignNumberToTrunk(phoneNumber: "+12015550100", trunkId: $t) { voice { type scheduledProvisioning { type trunk { id } } } } }`,
      { t: SEEDED_TRUNK_IDS[2] },
    );
    expect(result.errors).toEqual([]);
    expect(result.data?.assignNumberToTrunk.voice).toEqual({ type: 'RTC', scheduledProvisioning: { type: 'EST', trunk: { id: SEEDED_TRUNK_IDS[2] } } });
    const patch = (await sip.admin.requests('NUMBERS')).filter((entry) => entry.method === 'PATCH');
    expect(patch.map((entry) => entry.path)).toEqual(['/v1/projects/5e1c2d3a-7b4f-4c8e-9a61-0f2b3c4d5e6f/activeNumbers/+12015550100']);
  });

  it('refuses a trunk that does not exist before calling the Numbers API', async () => {
    const result = await mutate(`mutation { assignNumberToTrunk(phoneNumber: "+12015550100", trunkId: "01JBQ6ZZZZ0000000000000000") { phoneNumber } }`);
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'trunkId' });
    expect((await sip.admin.requests('NUMBERS')).filter((entry) => entry.method === 'PATCH')).toEqual([]);
  });

  it('unassigns a number: back to RTC with no application', async () => {
    const result = await mutate<{ unassignNumberFromTrunk: { voice: { type: string; trunk: { id: string } | null; scheduledProvisioning: { type: string; appId: string | null } } } }>(
      `mutation { unassignNumberFromTrunk(phoneNumber: "+12015550110") { voice { type trunk { id } scheduledProvisioning { type appId } } } }`,
    );
    expect(result.data?.unassignNumberFromTrunk.voice).toEqual({ type: 'EST', trunk: { id: SEEDED_TRUNK_IDS[0] }, scheduledProvisioning: { type: 'RTC', appId: null } });
  });
});
