import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { QueryResolvers } from '../../../generated/graphql.js';
import { isNotFound } from '../../../upstream/numbers/isNotFound.js';

const MAX_SEARCH_SIZE = 100;

/** `Query.availableNumbers`, `availableNumber`, `availableRegions`: the catalogue of numbers for rent. */
export const catalogQueries: Pick<QueryResolvers, 'availableNumbers' | 'availableNumber' | 'availableRegions'> = {
  availableNumbers: (_parent, { regionCode, type, pattern, capabilities, size }, { numbers, scope }) => {
    if (size != null && (size < 1 || size > MAX_SEARCH_SIZE)) {
      throw new InvalidInputError('size', `size must be between 1 and ${MAX_SEARCH_SIZE}.`);
    }
    const numberPattern = pattern ? { pattern: pattern.pattern, searchPattern: pattern.searchPattern ?? undefined } : undefined;
    return numbers.client.listAvailableNumbers(scope, { regionCode, type, pattern: numberPattern, capabilities: capabilities ?? undefined, size: size ?? undefined });
  },

  // Sinch answers 404 for a number that is not available: an answer, so null.
  availableNumber: (_parent, { phoneNumber }, { numbers, scope }) =>
    numbers.client.getAvailableNumber(scope, phoneNumber).catch((error: unknown) => {
      if (isNotFound(error)) {
        return null;
      }
      throw error;
    }),

  availableRegions: (_parent, { types }, { numbers, scope }) => numbers.client.listAvailableRegions(scope, types ?? undefined),
};
