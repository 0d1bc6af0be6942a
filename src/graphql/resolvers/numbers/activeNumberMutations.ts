import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { MutationResolvers } from '../../../generated/graphql.js';
import { primeActiveNumber } from '../../../upstream/numbers/primeActiveNumber.js';
import type { ActiveNumberRequest } from '../../../upstream/numbers/numbersWireTypes.js';
import { toNumberConfigurationRequest } from './toNumberConfigurationRequest.js';

/** `updateNumber` and `releaseNumber`. Results prime the loader, so later fields see the change. */
export const activeNumberMutations: Pick<MutationResolvers, 'updateNumber' | 'releaseNumber'> = {
  updateNumber: async (_parent, { input }, { numbers, scope, provisioning }) => {
    const body: ActiveNumberRequest = toNumberConfigurationRequest(input, 'input');
    if (input.displayName != null) {
      body.displayName = input.displayName;
    }
    if (Object.keys(body).length === 0) {
      throw new InvalidInputError('input', 'Nothing to change: give at least one of displayName, sms, voice and callbackUrl.');
    }
    const updated = await numbers.client.updateActiveNumber(scope, input.phoneNumber, body);
    primeActiveNumber(numbers.loaders, updated);
    // An SMS or voice change is a new request: its subscribers hear WAITING now (docs/provisioning.md).
    if (input.sms != null || input.voice != null) provisioning?.numberChanged(scope.projectId, updated);
    return updated;
  },

  releaseNumber: async (_parent, { phoneNumber }, { numbers, scope }) => {
    const released = await numbers.client.releaseActiveNumber(scope, phoneNumber);
    primeActiveNumber(numbers.loaders, released);
    return released;
  },
};
