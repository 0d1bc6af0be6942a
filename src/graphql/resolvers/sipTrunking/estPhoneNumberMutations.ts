import type { MutationResolvers } from '../../../generated/graphql.js';
import { phoneNumberSegment } from '../../../upstream/http/pathSegment.js';
import { checkSipIds } from './sipResolverHelpers.js';

/**
 * Elastic SIP Trunking's own phone-number writes: `POST /phoneNumbers` (the spec's
 * AddPhoneNumberRequest) and `DELETE /phoneNumbers/{id}`. Unlike `assignNumberToTrunk` (the
 * Numbers API path) they act at once and answer in EST terms (docs/sip-trunking.md, "Two ways to
 * put a number on a trunk"). Either changes the number's voice routing, so every cached view of
 * it in this request is dropped: later fields read it again.
 */
export const estPhoneNumberMutations: MutationResolvers = {
  addPhoneNumberToSipTrunk: async (_, { phoneNumber, trunkId }, { numbers, sipTrunking, scope }) => {
    phoneNumberSegment(phoneNumber);
    checkSipIds({ trunkId });
    const added = await sipTrunking.client.phoneNumbers.add(scope, trunkId, phoneNumber);
    numbers.loaders.activeNumber.clear(phoneNumber);
    sipTrunking.loaders.trunkPhoneNumbers.clearAll();
    sipTrunking.loaders.estPhoneNumber.clear(added.phoneNumber).prime(added.phoneNumber, added);
    return added;
  },
  removePhoneNumberFromSipTrunk: async (_, { id }, { numbers, sipTrunking, scope }) => {
    checkSipIds({ id });
    await sipTrunking.client.phoneNumbers.remove(scope, id);
    // The answer is a bare 204: which number it was is not known, so every number view goes.
    numbers.loaders.activeNumber.clearAll();
    sipTrunking.loaders.trunkPhoneNumbers.clearAll();
    sipTrunking.loaders.estPhoneNumber.clearAll();
    return id;
  },
};
