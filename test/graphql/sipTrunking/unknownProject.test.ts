import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../../../src/config.js';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { SEEDED_TRUNK_IDS, SIMULATOR_PROJECT } from '../../../src/simulator/simulatorCredentials.js';
import { startFaultServer } from '../../support/faultServer.js';
import type { FaultServer } from '../../support/faultServer.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

const TRUNK_ID = SEEDED_TRUNK_IDS[0];

/** Every root field of Elastic SIP Trunking that reads, each queried on its own. */
const FIELDS: Record<string, string> = {
  sipTrunk: 'sipTrunk(id: $trunkId) { id }',
  sipTrunkByDomain: 'sipTrunkByDomain(domain: "acme-1.pstn.sinch.com") { id }',
  sipTrunks: 'sipTrunks(first: 1) { totalCount }',
  sipEndpoint: 'sipEndpoint(trunkId: $trunkId, id: $trunkId) { __typename }',
  sipEndpoints: 'sipEndpoints(trunkId: $trunkId, first: 1) { __typename }',
  accessControlList: 'accessControlList(id: $trunkId) { __typename }',
  accessControlLists: 'accessControlLists(first: 1) { __typename }',
  credentialList: 'credentialList(id: $trunkId) { __typename }',
  credentialLists: 'credentialLists(first: 1) { __typename }',
  estPhoneNumber: 'estPhoneNumber(phoneNumber: "+12015550100") { __typename }',
  estPhoneNumbers: 'estPhoneNumbers(trunkId: $trunkId, first: 1) { __typename }',
  countryPermissions: 'countryPermissions { __typename }',
  countryPermission: 'countryPermission(isoCode: "US") { __typename }',
  callBlockingRules: 'callBlockingRules(first: 1) { __typename }',
};
const fieldQuery = (selection: string) => (selection.includes('$trunkId') ? `query ($trunkId: ID!) { ${selection} }` : `query { ${selection} }`);

/**
 * Sinch's Elastic SIP Trunking API answering for a project it does not know (seed 003, 404
 * "Could not find Project with id '$id'"), or one not enabled for it (400). The gateway's
 * configuration is wrong: every field says so, none answers "no such trunk" (null).
 */
describe('Elastic SIP Trunking: a project the API does not know', () => {
  let gateway: TestGateway;
  let faults: FaultServer;

  beforeAll(async () => {
    faults = await startFaultServer();
    const origin = faults.origin;
    gateway = await startTestGateway({ configure: (config: GatewayConfig) => ({ ...config, sinch: { ...config.sinch, sipUrl: origin } }) });
  });
  afterAll(async () => {
    await gateway.close();
    await faults.close();
  });

  it.each([
    ['404 Could not find Project', 404, 'NOT_FOUND', "Could not find Project with id '$project'"],
    ['400 Project is not enabled', 400, 'BAD_REQUEST', "Project with id '$project' is not enabled"],
  ])('fails every SIP field with UPSTREAM_MISCONFIGURED on a %s, never null', async (_name, httpStatus, status, template) => {
    // Sinch names the project of the request's path: the one the gateway is configured with.
    const message = template.replace('$project', SIMULATOR_PROJECT.projectId);
    faults.reset();
    faults.handle(() => ({ status: httpStatus, body: { code: httpStatus, status, message, details: [] } }));
    for (const [field, selection] of Object.entries(FIELDS)) {
      const response = await gateway.query(fieldQuery(selection), selection.includes('$trunkId') ? { trunkId: TRUNK_ID } : undefined);
      expect(response.status).toBe(200);
      expect(response.body.data?.[field] ?? null).toBeNull();
      expect(response.body.errors?.map((error) => [error.path?.[0], error.extensions?.['code']])).toEqual([[field, 'UPSTREAM_MISCONFIGURED']]);
      expect(response.body.errors?.[0]?.extensions?.['upstream']).toMatchObject({ service: 'SIP_TRUNKING', httpStatus, status, message, retryable: false });
    }
  });

  it('fails the trunk of a number (a Numbers field joined to SIP) the same way', async () => {
    faults.reset();
    faults.handle(() => ({ status: 404, body: { code: 404, status: 'NOT_FOUND', message: `Could not find Project with id '${SIMULATOR_PROJECT.projectId}'`, details: [] } }));
    const response = await gateway.query('query ($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { voice { type trunk { id } } } }', {
      phoneNumber: SEEDED_PHONE_NUMBERS.est[0],
    });
    expect(response.body.data).toEqual({ number: { voice: { type: 'EST', trunk: null } } });
    expect(response.body.errors?.map((error) => [error.path?.join('.'), error.extensions?.['code']])).toEqual([['number.voice.trunk', 'UPSTREAM_MISCONFIGURED']]);
  });

  it('answers NOT_FOUND, not UPSTREAM_MISCONFIGURED, when the unknown project is one the caller named', async () => {
    faults.reset();
    const other = '00000000-0000-4000-8000-000000000404';
    faults.handle(() => ({ status: 404, body: { code: 404, status: 'NOT_FOUND', message: `Could not find Project with id '${other}'`, details: [] } }));
    const response = await gateway.query(`mutation { addSipTrunkingProjects(projectIds: ["${other}"]) }`);
    expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
  });

  it('still answers null for a trunk that does not exist in a known project', async () => {
    faults.reset();
    faults.handle(() => ({ status: 404, body: { code: 404, status: 'NOT_FOUND', message: `Could not find SIP Trunk with id '${TRUNK_ID}'`, details: [] } }));
    const response = await gateway.query('query ($id: ID!) { sipTrunk(id: $id) { id } }', { id: TRUNK_ID });
    expect(response.body).toEqual({ data: { sipTrunk: null } });
  });
});
