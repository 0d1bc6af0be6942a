import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../../../src/config.js';
import { SEEDED_TRUNK_IDS, SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { startFaultServer, type FaultServer } from '../../support/faultServer.js';
import { startTestGateway, type TestGateway } from '../../support/startTestGateway.js';
import { useSipTestGateway } from './support/useSipTestGateway.js';

const sip = useSipTestGateway();

const RTC_NUMBER = '+12015550100';
const UNKNOWN_ID = '01JBQ6ZZZZ0000000000000000';
const ADD = `mutation ($n: PhoneNumber!, $t: ID!) { addPhoneNumberToSipTrunk(phoneNumber: $n, trunkId: $t) { id phoneNumber countryCode trunk { id } number { voice { type trunk { id } } } } }`;
const REMOVE = `mutation ($id: ID!) { removePhoneNumberFromSipTrunk(id: $id) }`;

interface Added {
  addPhoneNumberToSipTrunk: { id: string; phoneNumber: string; countryCode: string; trunk: { id: string }; number: { voice: { type: string; trunk: { id: string } | null } } } | null;
}

async function mutate<T = Record<string, unknown>>(document: string, variables?: Record<string, unknown>) {
  const response = await sip.gateway.query<T>(document, variables);
  return { data: response.body.data, errors: response.body.errors ?? [] };
}

const estWrites = async () => (await sip.admin.requests('SIP_TRUNKING')).filter((entry) => entry.method === 'POST' || entry.method === 'DELETE');

describe('EST phone-number writes against the simulator', () => {
  it('adds a number to a trunk at once: the EST number, and the Numbers view of it, are on the trunk', async () => {
    const added = await mutate<Added>(ADD, { n: RTC_NUMBER, t: SEEDED_TRUNK_IDS[2] });
    expect(added.errors).toEqual([]);
    expect(added.data?.addPhoneNumberToSipTrunk).toMatchObject({
      id: expect.stringMatching(/^[0-9A-Z]{26}$/),
      phoneNumber: RTC_NUMBER,
      countryCode: 'US',
      trunk: { id: SEEDED_TRUNK_IDS[2] },
      number: { voice: { type: 'EST', trunk: { id: SEEDED_TRUNK_IDS[2] } } },
    });
    const listed = await mutate<{ estPhoneNumbers: { nodes: Array<{ phoneNumber: string }> } }>(`query ($t: ID!) { estPhoneNumbers(trunkId: $t, first: 500) { nodes { phoneNumber } } }`, { t: SEEDED_TRUNK_IDS[2] });
    expect(listed.data?.estPhoneNumbers.nodes.map((node) => node.phoneNumber)).toContain(RTC_NUMBER);
    const [post] = await estWrites();
    expect(post).toMatchObject({ method: 'POST', path: `/v1/projects/${SIMULATOR_PROJECT_ID}/phoneNumbers` });
  });

  it('refuses a second add to the same trunk, and an add to another trunk, as CONFLICT with the seed-003 messages', async () => {
    await mutate(ADD, { n: RTC_NUMBER, t: SEEDED_TRUNK_IDS[2] });
    const again = await mutate<Added>(ADD, { n: RTC_NUMBER, t: SEEDED_TRUNK_IDS[2] });
    expect(again.data?.addPhoneNumberToSipTrunk).toBeNull();
    expect(again.errors[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      upstream: { service: 'SIP_TRUNKING', httpStatus: 400, code: '400', status: 'BAD_REQUEST', message: `Phone Number '${RTC_NUMBER}' already exists` },
    });
    const elsewhere = await mutate<Added>(ADD, { n: RTC_NUMBER, t: SEEDED_TRUNK_IDS[3] });
    expect(elsewhere.errors[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      upstream: { httpStatus: 400, message: `Phone number ${RTC_NUMBER} is already assigned to SIP Trunk ${SEEDED_TRUNK_IDS[2]}` },
    });
  });

  it('removes a number by its EST id: it is off the trunk, and a second removal is NOT_FOUND', async () => {
    const added = await mutate<Added>(ADD, { n: RTC_NUMBER, t: SEEDED_TRUNK_IDS[2] });
    const id = added.data?.addPhoneNumberToSipTrunk?.id ?? '';
    const first = await mutate<{ removePhoneNumberFromSipTrunk: string }>(REMOVE, { id });
    expect(first).toEqual({ data: { removePhoneNumberFromSipTrunk: id }, errors: [] });
    expect((await mutate<{ estPhoneNumber: unknown }>(`query ($n: PhoneNumber!) { estPhoneNumber(phoneNumber: $n) { id } }`, { n: RTC_NUMBER })).data).toEqual({ estPhoneNumber: null });
    const second = await mutate<{ removePhoneNumberFromSipTrunk: string | null }>(REMOVE, { id });
    expect(second.data).toEqual({ removePhoneNumberFromSipTrunk: null });
    expect(second.errors[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      upstream: { service: 'SIP_TRUNKING', httpStatus: 404, status: 'NOT_FOUND', message: `Could not find phone number with id '${id}'` },
    });
  });

  it('answers NOT_FOUND for a number that is not an active number of the project', async () => {
    const result = await mutate<Added>(ADD, { n: '+12025550999', t: SEEDED_TRUNK_IDS[2] });
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { httpStatus: 404 } });
  });

  it('refuses bad input with BAD_USER_INPUT before any EST call, for literals and variables alike', async () => {
    const cases: Array<[string, Record<string, unknown> | undefined, string]> = [
      [`mutation { addPhoneNumberToSipTrunk(phoneNumber: "+12015550100", trunkId: "../trunks") { id } }`, undefined, 'trunkId'],
      [ADD, { n: RTC_NUMBER, t: `${SEEDED_TRUNK_IDS[0]}?x=1` }, 'trunkId'],
      [ADD, { n: RTC_NUMBER, t: UNKNOWN_ID.slice(1) }, 'trunkId'],
      [`mutation { removePhoneNumberFromSipTrunk(id: "${UNKNOWN_ID}/x") }`, undefined, 'id'],
      [REMOVE, { id: '%2e%2e' }, 'id'],
    ];
    for (const [document, variables, argumentName] of cases) {
      const result = await mutate(document, variables);
      expect(result.errors[0]?.extensions, document).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    }
    for (const n of ['12015550100', '+1 201 555 0100', '+0123']) {
      const result = await mutate(ADD, { n, t: SEEDED_TRUNK_IDS[0] });
      expect(result.errors[0]?.extensions?.['code'], n).toBe('BAD_USER_INPUT');
    }
    expect(await estWrites()).toEqual([]);
  });
});

describe('EST phone-number writes against a fault server', () => {
  let gateway: TestGateway;
  let faults: FaultServer;
  beforeAll(async () => {
    faults = await startFaultServer();
    gateway = await startTestGateway({ configure: (config: GatewayConfig) => ({ ...config, sinch: { ...config.sinch, sipUrl: faults.origin } }) });
  });
  afterAll(async () => {
    await gateway.close();
    await faults.close();
  });
  afterEach(() => faults.reset());

  it("sends the spec's AddPhoneNumberRequest body and reads the EST number it answers", async () => {
    const number = { id: '01HA9BRJW4J3QE4WBKVC337V4E', sipTrunkId: SEEDED_TRUNK_IDS[1], phoneNumber: '+12225559999', countryCode: 'US', createTime: '2024-06-06T14:42:42Z', updateTime: null };
    faults.enqueue({ status: 201, body: number });
    const response = await gateway.query<{ addPhoneNumberToSipTrunk: { id: string; phoneNumber: string; createTime: string } }>(
      `mutation { addPhoneNumberToSipTrunk(phoneNumber: "+12225559999", trunkId: "${SEEDED_TRUNK_IDS[1]}") { id phoneNumber createTime } }`,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.addPhoneNumberToSipTrunk).toEqual({ id: number.id, phoneNumber: number.phoneNumber, createTime: '2024-06-06T14:42:42Z' });
    const [request] = faults.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/v1/projects/${SIMULATOR_PROJECT_ID}/phoneNumbers`);
    expect(JSON.parse(request?.body ?? '')).toEqual({ sipTrunkId: SEEDED_TRUNK_IDS[1], phoneNumber: '+12225559999' });
  });

  it('treats an answer that is not an EST number as UPSTREAM_BAD_RESPONSE', async () => {
    faults.enqueue({ status: 201, body: { sipTrunkId: 42 } });
    const response = await gateway.query(`mutation { addPhoneNumberToSipTrunk(phoneNumber: "+12225559999", trunkId: "${SEEDED_TRUNK_IDS[1]}") { id } }`);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('sends DELETE /phoneNumbers/{id} and accepts the 204', async () => {
    faults.enqueue({ status: 204 });
    const response = await gateway.query(`mutation { removePhoneNumberFromSipTrunk(id: "${UNKNOWN_ID}") }`);
    expect(response.body).toEqual({ data: { removePhoneNumberFromSipTrunk: UNKNOWN_ID } });
    expect(faults.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`DELETE /v1/projects/${SIMULATOR_PROJECT_ID}/phoneNumbers/${UNKNOWN_ID}`]);
  });
});
