import type { QueryResolvers } from '../../../generated/graphql.js';
import { readNumbersPage } from './readNumbersPage.js';

/** `Query.number` and `Query.numbers`: reads of active numbers, through the request's loaders. */
export const activeNumberQueries: Pick<QueryResolvers, 'number' | 'numbers'> = {
  // A 404 is null (the loader's rule): "is this number ours?" is a question, not a failure.
  number: (_parent, { phoneNumber }, { numbers }) => numbers.loaders.activeNumber.load(phoneNumber),

  numbers: (_parent, { filter, first, after }, { numbers, cursors }) => readNumbersPage(numbers.loaders, filter, first, after, cursors),
};
