import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { GatewayConfig } from '../../../src/config.js';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { startFaultServer } from '../../support/faultServer.js';
import type { FaultServer } from '../../support/faultServer.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

const TRUNK_ID = SEEDED_TRUNK_IDS[0];

/** The vendor's Elastic SIP Trunking spec, as the repository keeps it. */
const SPEC = parse(readFileSync(new URL('../../../schema/openapi/sinch-elastic-sip-trunking-v1.openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; requestBody: { content: Record<string, { example?: unknown; schema: { type?: string; $ref?: string } }> } }>>;
};
const TRUNK_CREDENTIAL_LISTS = SPEC.paths['/v1/projects/{projectId}/trunks/{trunkId}/credentialLists'];
const PUT_BODY = TRUNK_CREDENTIAL_LISTS?.['put']?.requestBody.content['application/json'];
const POST_BODY = TRUNK_CREDENTIAL_LISTS?.['post']?.requestBody.content['application/json'];

/**
 * The bodies the gateway sends to link credential lists to a trunk, byte for byte, against the
 * vendor spec's own definitions: `PUT` (bulkUpdateCredentialListsForTrunk) takes a bare array of
 * ids, `POST` (addCredentialListToTrunk) the `CredentialListIds` object (docs/sip-trunking.md).
 */
describe('Elastic SIP Trunking: the credential-list bodies of a trunk', () => {
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

  const writeOf = (method: string) => faults.requests.find((request) => request.method === method && request.path.endsWith('/credentialLists'));

  it('reads the spec: PUT takes a bare array (with an example), POST the CredentialListIds object', () => {
    expect(TRUNK_CREDENTIAL_LISTS?.['put']?.operationId).toBe('bulkUpdateCredentialListsForTrunk');
    expect(PUT_BODY?.schema.type).toBe('array');
    expect(PUT_BODY?.example).toEqual(['01GNZ9MXEZ4K6S8GB7RW063VAN', '01GNZ9MXEZ4K6S8GB7RW063VAN']);
    expect(POST_BODY?.schema.$ref).toBe('#/components/schemas/CredentialListIds');
  });

  it("sends replaceTrunkCredentialLists as the spec's bare array, byte for byte", async () => {
    faults.reset();
    const ids = ['01GNZ9MXEZ4K6S8GB7RW063VAN', '01GNZ9MXEZ4K6S8GB7RW063VBM'];
    faults.handle((request) => (request.method === 'PUT' ? { status: 200, body: { credentialListIds: ids } } : { status: 404, body: { code: 404, status: 'NOT_FOUND', message: 'x' } }));
    await gateway.query('mutation ($t: ID!, $l: [ID!]!) { replaceTrunkCredentialLists(trunkId: $t, credentialListIds: $l) { id } }', { t: TRUNK_ID, l: ids });
    const put = writeOf('PUT');
    expect(put?.body).toBe('["01GNZ9MXEZ4K6S8GB7RW063VAN","01GNZ9MXEZ4K6S8GB7RW063VBM"]');
    expect(put?.body).toBe(JSON.stringify([...ids]));
    expect(put?.headers['content-type']).toBe('application/json');
  });

  it('sends an empty replacement as [] (unlinks every list), never {"credentialListIds":[]}', async () => {
    faults.reset();
    faults.handle((request) => (request.method === 'PUT' ? { status: 200, body: { credentialListIds: [] } } : { status: 404, body: { code: 404, status: 'NOT_FOUND', message: 'x' } }));
    await gateway.query('mutation ($t: ID!) { replaceTrunkCredentialLists(trunkId: $t, credentialListIds: []) { id } }', { t: TRUNK_ID });
    expect(writeOf('PUT')?.body).toBe('[]');
  });

  it('sends addCredentialListsToTrunk as the CredentialListIds object, byte for byte', async () => {
    faults.reset();
    faults.handle((request) =>
      request.method === 'POST' ? { status: 200, body: { credentialListIds: ['01GNZ9MXEZ4K6S8GB7RW063VAN'] } } : { status: 404, body: { code: 404, status: 'NOT_FOUND', message: 'x' } },
    );
    await gateway.query('mutation ($t: ID!, $l: [ID!]!) { addCredentialListsToTrunk(trunkId: $t, credentialListIds: $l) { id } }', { t: TRUNK_ID, l: ['01GNZ9MXEZ4K6S8GB7RW063VAN'] });
    expect(writeOf('POST')?.body).toBe('{"credentialListIds":["01GNZ9MXEZ4K6S8GB7RW063VAN"]}');
  });
});
