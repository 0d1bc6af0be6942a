import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { SECOND_SIMULATOR_PROJECT, SEEDED_TRUNK_IDS, SIMULATOR_KEY_ID, SIMULATOR_KEY_SECRET, SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { SIP_TROUBLE_TRUNK_IDS } from '../../../src/simulator/sipTrunking/sipTroubleTrunks.js';
import { seedId } from '../../../src/simulator/sipTrunking/seedIds.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';

const BASIC = `Basic ${Buffer.from(`${SIMULATOR_KEY_ID}:${SIMULATOR_KEY_SECRET}`).toString('base64')}`;
const [TRUNK_1, TRUNK_2, , , TRUNK_5] = SEEDED_TRUNK_IDS;
const ACL_HEAD_OFFICE = seedId('ACGR', 0);
const ACL_BACKUP = seedId('ACGR', 2);
const DESK_PHONES = seedId('CRED', 0);
const MISSING = '01JBQ6ZZZZ0000000000000000';

let simulator: RunningSimulator;
let admin: SimulatorAdmin;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${simulator.url}/v1/projects/${SIMULATOR_PROJECT_ID}${path}`, {
    method,
    headers: { authorization: BASIC, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** The envelope of seed 003, with exactly the seed's message. */
function sipError(code: number, status: string, message: string) {
  return { code, status, message, details: expect.any(Array) };
}

beforeAll(async () => {
  simulator = await startSimulator({ provisioning: 'manual' });
  admin = new SimulatorAdmin(simulator.url);
});
afterAll(() => simulator.close());
beforeEach(() => admin.reset());

describe('SIP Trunking simulator: the 404 messages of seed 003', () => {
  it.each([
    ['GET', `/trunks/${MISSING}`, `Could not find SIP Trunk with id '${MISSING}'`],
    ['GET', '/trunks?domain=nowhere.pstn.sinch.com', "Could not find SIP Trunk with domain 'nowhere.pstn.sinch.com'"],
    ['GET', `/trunks/${TRUNK_1}/endpoints/${MISSING}`, `Could not find SIP Endpoint with id '${MISSING}'`],
    ['GET', '/phoneNumbers/+12015550100', "Could not find phone number '+12015550100'"],
    ['GET', `/accessControlLists/${MISSING}`, `Could not find Access Control List with id '${MISSING}'`],
    ['DELETE', `/accessControlLists/${ACL_HEAD_OFFICE}/ipRanges/${MISSING}`, `Could not find IP Range with id '${MISSING}' in access control list with id '${ACL_HEAD_OFFICE}'`],
    ['DELETE', `/trunks/${TRUNK_5}/accessControlLists/${ACL_HEAD_OFFICE}`, `Access control list '${ACL_HEAD_OFFICE}' is not associated with trunk '${TRUNK_5}'`],
    ['GET', `/credentialLists/${MISSING}`, `Could not find Credential List with id '${MISSING}'`],
    ['DELETE', `/credentialLists/${DESK_PHONES}/credentials/nobody`, "Could not find Credential with username 'nobody'"],
    ['DELETE', `/callBlockingRules/${MISSING}`, `BlockingRule with ID ${MISSING} not found for project ${SIMULATOR_PROJECT_ID}`],
  ])('%s %s answers 404 "%s"', async (method, path, message) => {
    const response = await call(method, path);
    expect(response).toEqual({ status: 404, body: sipError(404, 'NOT_FOUND', message) });
  });
});

describe('SIP Trunking simulator: the 400 messages of seed 003', () => {
  it('refuses a second trunk with the same host name', async () => {
    const response = await call('POST', '/trunks', { name: 'Copy', hostName: 'sim-trunk-1' });
    expect(response.body).toEqual(sipError(400, 'BAD_REQUEST', 'The provided domain name is unavailable'));
  });

  it('refuses to delete a trunk that numbers are routed to', async () => {
    const response = await call('DELETE', `/trunks/${TRUNK_1}`);
    expect(response.body).toEqual(sipError(400, 'BAD_REQUEST', `Cannot delete SIP Trunk ${TRUNK_1} when there are phone numbers assigned.`));
  });

  it('refuses an access control list without IP ranges, and deleting its last range', async () => {
    expect((await call('POST', '/accessControlLists', { name: 'Empty', ipRanges: [] })).body).toEqual(
      sipError(400, 'BAD_REQUEST', 'Access Control Lists must contain at least one IP Range'),
    );
    const backup = await call('GET', `/accessControlLists/${ACL_BACKUP}`);
    const [onlyRange] = backup.body['ipRanges'] as Array<{ id: string }>;
    expect((await call('DELETE', `/accessControlLists/${ACL_BACKUP}/ipRanges/${onlyRange?.id ?? ''}`)).body).toEqual(
      sipError(400, 'BAD_REQUEST', 'Access Control Lists must contain at least one IP Range'),
    );
  });

  it('refuses a credential list without credentials', async () => {
    expect((await call('POST', '/credentialLists', { name: 'Empty', credentials: [] })).body).toEqual(
      sipError(400, 'BAD_REQUEST', 'Credential Lists must contain at least one Credential'),
    );
  });

  it('refuses a username already used in the project', async () => {
    const response = await call('POST', '/credentialLists', { name: 'Again', credentials: [{ username: 'alice.desk', password: 'Another-Passw0rd' }] });
    expect(response.body).toEqual(sipError(400, 'BAD_REQUEST', 'The provided username is unavailable'));
  });

  it('refuses linking an access control list or credential list twice', async () => {
    expect((await call('POST', `/trunks/${TRUNK_1}/accessControlLists`, { accessControlListIds: [ACL_HEAD_OFFICE] })).body).toEqual(
      sipError(400, 'BAD_REQUEST', `Access control list with id '${ACL_HEAD_OFFICE}' is already added to trunk '${TRUNK_1}'`),
    );
    expect((await call('POST', `/trunks/${TRUNK_2}/credentialLists`, { credentialListIds: [DESK_PHONES] })).body).toEqual(
      sipError(400, 'BAD_REQUEST', `Credential list with id '${DESK_PHONES}' is already added to trunk '${TRUNK_2}'`),
    );
  });

  it('refuses deleting an attached access control list and a credential an endpoint uses', async () => {
    expect((await call('DELETE', `/accessControlLists/${ACL_HEAD_OFFICE}`)).body).toEqual(
      sipError(400, 'BAD_REQUEST', 'Access Control List cannot be deleted while there are one or more SIP Trunks attached'),
    );
    expect((await call('DELETE', `/credentialLists/${DESK_PHONES}/credentials/alice.desk`)).body).toEqual(
      sipError(400, 'BAD_REQUEST', 'Credential cannot be deleted while attached to a SIP Endpoint'),
    );
  });

  it('refuses a registered endpoint whose credential another endpoint uses', async () => {
    const response = await call('POST', `/trunks/${TRUNK_1}/endpoints`, { name: 'Second desk', isRegistered: true, credentialUsername: 'alice.desk', priority: 1 });
    expect(response.body).toEqual(sipError(400, 'BAD_REQUEST', `Credential 'alice.desk' is already being used by a SIP Endpoint on SIP Trunk '${TRUNK_2}'`));
  });

  it('checks call blocking rules: direction, countries, duplicates', async () => {
    expect((await call('POST', '/callBlockingRules', { name: 'x' })).body).toEqual(sipError(400, 'BAD_REQUEST', 'Direction field cannot be null or empty'));
    expect((await call('POST', '/callBlockingRules', { direction: 'SIDEWAYS' })).body).toEqual(
      sipError(400, 'BAD_REQUEST', 'Invalid direction type: SIDEWAYS. Must be INBOUND or OUTBOUND.'),
    );
    expect((await call('POST', '/callBlockingRules', { direction: 'INBOUND', callerCountry: 'Sweden' })).body).toEqual(
      sipError(400, 'BAD_REQUEST', 'Invalid callerCountry: Sweden. Must be a valid ISO 3166-1 alpha-2 code.'),
    );
    expect((await call('POST', '/callBlockingRules', { direction: 'INBOUND', callerCountry: 'JM', callerMatch: '1876' })).body).toEqual(
      sipError(400, 'BAD_REQUEST', 'Blocking rule already exists with the same parameters'),
    );
  });

  it('refuses a malformed call record timestamp', async () => {
    const response = await call('GET', '/calls?createTime=yesterday');
    expect(response.body).toEqual(
      sipError(400, 'BAD_REQUEST', "Invalid timestamp format, must match yyyy[-MM[-dd['T'HH[:mm[:ss[.SSS]]]['Z']]]]"),
    );
  });
});

describe('SIP Trunking simulator: paging and conventions', () => {
  it('emits numeric pageNumber, pageSize, size and totalItems', async () => {
    const response = await call('GET', '/trunks?page=2&size=2');
    expect(response.body).toMatchObject({ pageNumber: 2, pageSize: 2, size: 2, totalItems: 5 });
    expect(response.body['trunks']).toHaveLength(2);
  });

  it('answers a create with nanoseconds and 201, later reads with whole seconds', async () => {
    const created = await call('POST', '/trunks', { name: 'New', hostName: 'new-trunk' });
    expect(created.status).toBe(201);
    expect(created.body['createTime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(created.body['updateTime']).toBeNull();
    expect(created.body['id']).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const read = await call('GET', `/trunks/${String(created.body['id'])}`);
    expect(read.body['createTime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('derives EST phone numbers from the Numbers state', async () => {
    const response = await call('GET', `/phoneNumbers?sipTrunkId=${TRUNK_1}`);
    const numbers = (response.body['phoneNumbers'] as Array<{ phoneNumber: string; sipTrunkId: string }>).map((entry) => entry.phoneNumber);
    expect(numbers).toEqual(['+12015550110', '+12015550115', '+12015550120', '+12015550125']);
  });

  it('requires credentials and logs requests as SIP_TRUNKING with route templates', async () => {
    const response = await fetch(`${simulator.url}/v1/projects/${SIMULATOR_PROJECT_ID}/trunks`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
    const log = await admin.requests('SIP_TRUNKING');
    expect(log.map((entry) => entry.route)).toEqual(['GET /v1/projects/{projectId}/trunks']);
  });
});

describe('SIP Trunking simulator: the rest of seed 003 on demand', () => {
  async function callProject(projectId: string, path: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${simulator.url}/v1/projects/${projectId}${path}`, { headers: { authorization: BASIC } });
    return { status: response.status, body: await response.json() };
  }

  it('answers a project it does not know with 404 "Could not find Project", one the key does not open with 403 FORBIDDEN', async () => {
    const unknown = '00000000-0000-4000-8000-000000000404';
    expect(await callProject(unknown, '/trunks')).toEqual({ status: 404, body: sipError(404, 'NOT_FOUND', `Could not find Project with id '${unknown}'`) });
    expect(await callProject(SECOND_SIMULATOR_PROJECT.projectId, '/trunks')).toEqual({ status: 403, body: sipError(403, 'FORBIDDEN', '') });
    expect((await call('POST', '/addProjects', { projectIds: [SECOND_SIMULATOR_PROJECT.projectId, unknown] })).body).toEqual(
      sipError(404, 'NOT_FOUND', `Could not find Project with id '${unknown}'`),
    );
    expect((await call('POST', '/addProjects', { projectIds: [SECOND_SIMULATOR_PROJECT.projectId] })).body).toEqual({ addedProjects: [SECOND_SIMULATOR_PROJECT.projectId] });
  });

  it('answers the trouble trunk ids with 403 FORBIDDEN and 500 Internal Server Error on every trunk route', async () => {
    for (const path of ['', '/endpoints', '/accessControlLists', '/credentialLists']) {
      expect(await call('GET', `/trunks/${SIP_TROUBLE_TRUNK_IDS.forbidden}${path}`)).toEqual({ status: 403, body: sipError(403, 'FORBIDDEN', '') });
      expect(await call('GET', `/trunks/${SIP_TROUBLE_TRUNK_IDS.internalServerError}${path}`)).toEqual({
        status: 500,
        body: sipError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error'),
      });
    }
  });

  it('assigns and unassigns EST phone numbers with the seed messages for numbers already on a trunk', async () => {
    expect((await call('POST', '/phoneNumbers', { sipTrunkId: TRUNK_1, phoneNumber: '+12015550110' })).body).toEqual(
      sipError(400, 'BAD_REQUEST', "Phone Number '+12015550110' already exists"),
    );
    expect((await call('POST', '/phoneNumbers', { sipTrunkId: TRUNK_2, phoneNumber: '+12015550110' })).body).toEqual(
      sipError(400, 'BAD_REQUEST', `Phone number +12015550110 is already assigned to SIP Trunk ${TRUNK_1}`),
    );
    expect((await call('POST', '/phoneNumbers', { sipTrunkId: TRUNK_1, phoneNumber: '+12015559999' })).body).toEqual(
      sipError(404, 'NOT_FOUND', "Could not find phone number '+12015559999'"),
    );
    const assigned = await call('POST', '/phoneNumbers', { sipTrunkId: TRUNK_5, phoneNumber: '+12015550100' });
    expect(assigned).toMatchObject({ status: 201, body: { phoneNumber: '+12015550100', sipTrunkId: TRUNK_5 } });
    expect((await call('GET', '/phoneNumbers/+12015550100')).body).toMatchObject({ sipTrunkId: TRUNK_5 });
    const id = String(assigned.body['id']);
    expect((await call('DELETE', `/phoneNumbers/${id}`)).status).toBe(204);
    expect((await call('DELETE', `/phoneNumbers/${id}`)).body).toEqual(sipError(404, 'NOT_FOUND', `Could not find phone number with id '${id}'`));
  });

  it('answers an unknown call id and an unknown export key with their seed 404s, a known call with an empty pcap', async () => {
    expect((await call('GET', `/calls/records/${MISSING}/pcap`)).body).toEqual(sipError(404, 'NOT_FOUND', `Could not find call ID '${MISSING}'`));
    expect((await call('GET', '/calls/export/EST_call_records.csv')).body).toEqual(
      sipError(404, 'NOT_FOUND', "Export 'EST_call_records.csv' could not be found. Check this is the correct key name, if so, it may still be processing."),
    );
    const calls = await call('GET', '/calls?size=1');
    const [first] = calls.body['calls'] as Array<{ pcapId: string }>;
    const pcap = await fetch(`${simulator.url}/v1/projects/${SIMULATOR_PROJECT_ID}/calls/records/${first?.pcapId ?? ''}/pcap`, { headers: { authorization: BASIC } });
    expect([pcap.status, pcap.headers.get('content-type')]).toEqual([200, 'application/octet-stream']);
    expect(Buffer.from(await pcap.arrayBuffer()).subarray(0, 4).toString('hex')).toBe('d4c3b2a1');
  });

  it('answers an unknown SIP path and a wrong method in the SIP envelope', async () => {
    expect(await call('GET', '/trunks/x/y/z')).toEqual({ status: 404, body: sipError(404, 'NOT_FOUND', 'Not Found') });
    expect(await call('PATCH', '/trunks')).toEqual({ status: 405, body: sipError(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed') });
  });
});
