import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { SEEDED_TRUNK_IDS, SIMULATOR_KEY_ID, SIMULATOR_KEY_SECRET, SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { seedId } from '../../../src/simulator/sipTrunking/seedIds.js';
import { createOpenApiValidator, type SpecPatch } from '../../support/openApiValidator.js';

const SPEC = new URL('../../../schema/openapi/sinch-elastic-sip-trunking-v1.openapi.yaml', import.meta.url).pathname;
const SCHEMAS = '/components/schemas';

/** Where the simulator follows the SDK (REFERENCE §8) or the observed API instead of the spec. */
const PATCHES: SpecPatch[] = [
  { pointer: `${SCHEMAS}/Pagination/properties/pageNumber`, merge: { type: ['string', 'integer'] }, reason: 'The SDK requires a numeric pageNumber (§3.2); the spec says string.' },
  ...['SipTrunk', 'SipEndpoint', 'AccessControlList', 'IpRange', 'Number'].map((name) => ({
    pointer: `${SCHEMAS}/${name}/properties/updateTime`,
    merge: { nullable: true },
    reason: 'updateTime is null until the first update (§6.1, SDK types `Date | null`).',
  })),
  ...['name', 'callerCountry', 'calleeCountry', 'callerMatch', 'calleeMatch'].map((field) => ({
    pointer: `${SCHEMAS}/CallBlockingRule/properties/${field}`,
    merge: { nullable: true },
    reason: 'Unset call blocking rule fields come back null (§6.3, SDK mock).',
  })),
];

const BASIC = `Basic ${Buffer.from(`${SIMULATOR_KEY_ID}:${SIMULATOR_KEY_SECRET}`).toString('base64')}`;
const validator = createOpenApiValidator(SPEC, PATCHES);
let simulator: RunningSimulator;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${simulator.url}/v1/projects/${SIMULATOR_PROJECT_ID}${path}`, {
    method,
    headers: { authorization: BASIC, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

function expectValid(method: string, template: string, response: { status: number; body: unknown }): void {
  const result = validator.validateResponse(method, `/v1/projects/{projectId}${template}`, response.status, response.body);
  expect(result.errors).toEqual([]);
}

beforeAll(async () => {
  simulator = await startSimulator({ provisioning: 'manual' });
});
afterAll(() => simulator.close());

const TRUNK = SEEDED_TRUNK_IDS[1];
const ACL = seedId('ACGR', 0);

describe('SIP Trunking simulator: responses the gateway reads validate against the vendor spec', () => {
  it.each([
    ['/trunks', '/trunks'],
    [`/trunks/${TRUNK}`, '/trunks/{sipTrunkId}'],
    [`/trunks/${TRUNK}/endpoints`, '/trunks/{sipTrunkId}/endpoints'],
    [`/trunks/${TRUNK}/endpoints/${seedId('ENDP', 2)}`, '/trunks/{sipTrunkId}/endpoints/{sipEndpointId}'],
    [`/trunks/${TRUNK}/accessControlLists`, '/trunks/{trunkId}/accessControlLists'],
    [`/trunks/${TRUNK}/credentialLists`, '/trunks/{trunkId}/credentialLists'],
    ['/accessControlLists', '/accessControlLists'],
    [`/accessControlLists/${ACL}`, '/accessControlLists/{id}'],
    [`/accessControlLists/${ACL}/trunks`, '/accessControlLists/{id}/trunks'],
    [`/accessControlLists/${ACL}/ipRanges`, '/accessControlLists/{accessControlListId}/ipRanges'],
    [`/credentialLists/${seedId('CRED', 0)}`, '/credentialLists/{id}'],
    [`/credentialLists/${seedId('CRED', 0)}/trunks`, '/credentialLists/{id}/trunks'],
    [`/phoneNumbers?sipTrunkId=${TRUNK}`, '/phoneNumbers'],
    ['/phoneNumbers/+12015550111', '/phoneNumbers/{phoneNumber}'],
    ['/countryPermissions', '/countryPermissions'],
    ['/countryPermissions/SE', '/countryPermissions/{isoCode}'],
    ['/calls', '/calls'],
  ])('GET %s', async (path, template) => {
    const response = await call('GET', path);
    expect(response.status).toBe(200);
    expectValid('GET', template, response);
  });

  it('creates and replaces: trunk (201), ACL, IP range, blocking rule', async () => {
    const trunk = await call('POST', '/trunks', { name: 'Spec', hostName: 'spec-trunk' });
    expectValid('POST', '/trunks', trunk);
    expectValid('PUT', '/trunks/{sipTrunkId}', await call('PUT', `/trunks/${(trunk.body as { id: string }).id}`, { name: 'Spec 2', hostName: 'spec-trunk' }));
    expectValid('POST', '/accessControlLists', await call('POST', '/accessControlLists', { name: 'Spec', ipRanges: [{ ipAddress: '10.0.0.1' }] }));
    expectValid('POST', '/accessControlLists/{accessControlListId}/ipRanges', await call('POST', `/accessControlLists/${ACL}/ipRanges`, { ipAddress: '10.9.9.9', range: 32 }));
    expectValid('POST', '/callBlockingRules', await call('POST', '/callBlockingRules', { direction: 'INBOUND', callerMatch: '1900' }));
    expectValid('POST', '/trunks/{trunkId}/credentialLists', await call('POST', `/trunks/${SEEDED_TRUNK_IDS[4]}/credentialLists`, { credentialListIds: [seedId('CRED', 1)] }));
  });

  it('assigns and removes over EST /phoneNumbers: the 201 is the Number a GET returns, the removal a bare 204', async () => {
    // The spec has the AddPhoneNumberRequest body but no POST operation using it (REFERENCE §6.2):
    // the answer is checked against the Number schema of GET /phoneNumbers/{phoneNumber}.
    const added = await call('POST', '/phoneNumbers', { sipTrunkId: TRUNK, phoneNumber: '+12015550100' });
    expect(added.status).toBe(201);
    expectValid('GET', '/phoneNumbers/{phoneNumber}', { status: 200, body: added.body });
    expect(added.body).toMatchObject({ sipTrunkId: TRUNK, phoneNumber: '+12015550100' });
    const removed = await fetch(`${simulator.url}/v1/projects/${SIMULATOR_PROJECT_ID}/phoneNumbers/${(added.body as { id: string }).id}`, {
      method: 'DELETE',
      headers: { authorization: BASIC },
    });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
  });

  it("serves a known call's pcap as the spec's application/octet-stream: a libpcap file", async () => {
    const calls = await call('GET', '/calls');
    const pcapId = (calls.body as { calls: Array<{ pcapId: string }> }).calls[0]?.pcapId ?? '';
    for (const direction of ['', '?direction=INBOUND']) {
      const response = await fetch(`${simulator.url}/v1/projects/${SIMULATOR_PROJECT_ID}/calls/records/${pcapId}/pcap${direction}`, { headers: { authorization: BASIC } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 4).toString('hex')).toBe('d4c3b2a1');
    }
  });

  it('documents the deviations it keeps: the SDK shapes of two answers', async () => {
    // GET /callBlockingRules: spec = bare array, SDK = {callBlockingRules, paging}. The SDK shape is emitted; its items validate.
    const rules = await call('GET', '/callBlockingRules');
    expect(validator.validateResponse('GET', '/v1/projects/{projectId}/callBlockingRules', 200, rules.body).valid).toBe(false);
    const items = (rules.body as { callBlockingRules: unknown[] }).callBlockingRules;
    expect(validator.validateResponse('GET', '/v1/projects/{projectId}/callBlockingRules', 200, items).errors).toEqual([]);
    // POST .../endpoints: spec = a page of endpoints, SDK and API = the endpoint. The endpoint validates as a GET of it would.
    const created = await call('POST', `/trunks/${TRUNK}/endpoints`, { name: 'Spec endpoint', address: '192.0.2.50', priority: 3 });
    expectValid('GET', '/trunks/{sipTrunkId}/endpoints/{sipEndpointId}', created);
  });
});
