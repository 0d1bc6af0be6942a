import { GatewayError } from '../../../errors/GatewayError.js';
import type { MutationResolvers } from '../../../generated/graphql.js';
import { primeActiveNumber } from '../../../upstream/numbers/primeActiveNumber.js';
import { trunkSegment } from '../../../upstream/sipTrunking/api/TrunksApi.js';

/**
 * Assigning a number to a trunk is a Numbers API change (PATCH `voiceConfiguration`), the
 * documented path (REFERENCE §6.2): EST has no assignment endpoint of its own.
 */
export const numberAssignmentMutations: MutationResolvers = {
  assignNumberToTrunk: async (_, { phoneNumber, trunkId }, { numbers, sipTrunking, scope }) => {
    trunkSegment(trunkId);
    // The Numbers API takes any trunkId and fails later, asynchronously, in provisioning; one
    // EST read here turns a typo into an immediate NOT_FOUND instead.
    const trunk = await sipTrunking.loaders.trunk.load(trunkId);
    if (trunk === null) {
      throw new GatewayError('NOT_FOUND', `There is no SIP trunk with id ${trunkId} in this project.`, { argumentName: 'trunkId' });
    }
    const number = await numbers.client.updateActiveNumber(scope, phoneNumber, { voiceConfiguration: { type: 'EST', trunkId } });
    primeActiveNumber(numbers.loaders, number);
    sipTrunking.loaders.trunkPhoneNumbers.clearAll();
    sipTrunking.loaders.estPhoneNumber.clear(phoneNumber);
    return number;
  },
  unassignNumberFromTrunk: async (_, { phoneNumber }, { numbers, sipTrunking, scope }) => {
    // Back to RTC with no application: the documented "unlink" is an empty identifier (§4.5).
    const number = await numbers.client.updateActiveNumber(scope, phoneNumber, { voiceConfiguration: { type: 'RTC', appId: '' } });
    primeActiveNumber(numbers.loaders, number);
    sipTrunking.loaders.trunkPhoneNumbers.clearAll();
    sipTrunking.loaders.estPhoneNumber.clear(phoneNumber);
    return number;
  },
};
