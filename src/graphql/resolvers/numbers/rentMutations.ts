import type { MutationResolvers } from '../../../generated/graphql.js';
import { primeActiveNumber } from '../../../upstream/numbers/primeActiveNumber.js';
import { toNumberConfigurationRequest } from './toNumberConfigurationRequest.js';

/** `rentNumber` and `rentAnyNumber` (Sinch: deprecated, US LOCAL only). The rented number primes the loader. */
export const rentMutations: Pick<MutationResolvers, 'rentNumber' | 'rentAnyNumber'> = {
  rentNumber: async (_parent, { input }, { numbers, scope }) => {
    const rented = await numbers.client.rentNumber(scope, input.phoneNumber, toNumberConfigurationRequest(input, 'input'));
    primeActiveNumber(numbers.loaders, rented);
    return rented;
  },

  rentAnyNumber: async (_parent, { input }, { numbers, scope }) => {
    const rented = await numbers.client.rentAnyNumber(scope, {
      regionCode: input.regionCode,
      type: input.type,
      numberPattern: input.pattern ? { pattern: input.pattern.pattern, searchPattern: input.pattern.searchPattern ?? undefined } : undefined,
      capabilities: input.capabilities ?? undefined,
      ...toNumberConfigurationRequest(input, 'input'),
    });
    primeActiveNumber(numbers.loaders, rented);
    return rented;
  },
};
