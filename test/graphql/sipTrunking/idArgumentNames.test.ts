import { describe, expect, it } from 'vitest';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { useSipTestGateway } from './support/useSipTestGateway.js';

const BAD = JSON.stringify('../x');
const TRUNK = JSON.stringify(SEEDED_TRUNK_IDS[0]);
const VALID = JSON.stringify('01HZZZZZZZZZZZZZZZZZZZZZZZ');

const sip = useSipTestGateway();

describe('a SIP id that fails its pattern is BAD_USER_INPUT on the GraphQL argument, before any upstream call', () => {
  it.each([
    ['accessControlList(id:)', `query { r: accessControlList(id: ${BAD}) { id } }`, 'id'],
    ['credentialList(id:)', `query { r: credentialList(id: ${BAD}) { id } }`, 'id'],
    ['sipEndpoint(id:)', `query { r: sipEndpoint(trunkId: ${TRUNK}, id: ${BAD}) { id } }`, 'id'],
    ['sipEndpoint(trunkId:)', `query { r: sipEndpoint(trunkId: ${BAD}, id: ${VALID}) { id } }`, 'trunkId'],
    ['sipEndpoints(trunkId:)', `query { r: sipEndpoints(trunkId: ${BAD}) { totalCount } }`, 'trunkId'],
    ['estPhoneNumbers(trunkId:)', `query { r: estPhoneNumbers(trunkId: ${BAD}) { totalCount } }`, 'trunkId'],
    ['replaceSipTrunk(id:)', `mutation { r: replaceSipTrunk(id: ${BAD}, input: { name: "a", hostName: "a" }) { id } }`, 'id'],
    ['deleteSipTrunk(id:)', `mutation { r: deleteSipTrunk(id: ${BAD}) }`, 'id'],
    ['deleteSipEndpoint(id:)', `mutation { r: deleteSipEndpoint(trunkId: ${TRUNK}, id: ${BAD}) }`, 'id'],
    ['deleteIpRange(id:)', `mutation { r: deleteIpRange(accessControlListId: ${VALID}, id: ${BAD}) }`, 'id'],
    ['renameCredentialList(id:)', `mutation { r: renameCredentialList(id: ${BAD}, name: "x") { id } }`, 'id'],
    ['deleteCredentialList(id:)', `mutation { r: deleteCredentialList(id: ${BAD}) }`, 'id'],
    ['callPacketCapture(pcapId:)', `query { r: callPacketCapture(pcapId: ${BAD}) { sizeBytes } }`, 'pcapId'],
    ['addPhoneNumberToSipTrunk(trunkId:)', `mutation { r: addPhoneNumberToSipTrunk(phoneNumber: "+12015550100", trunkId: ${BAD}) { id } }`, 'trunkId'],
    ['removePhoneNumberFromSipTrunk(id:)', `mutation { r: removePhoneNumberFromSipTrunk(id: ${BAD}) }`, 'id'],
  ])('%s', async (_name, document, argumentName) => {
    const response = await sip.gateway.query(document);
    expect(response.body.data?.r ?? null).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: ['r'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName }) }),
    ]);
    expect(await sip.admin.requests('SIP_TRUNKING')).toEqual([]);
  });
});
