import type { MutationResolvers, QueryResolvers } from '../../../generated/graphql.js';
import { isNotFound } from '../../../upstream/numbers/isNotFound.js';
import { toCreateNumberOrderRequest } from './toCreateNumberOrderRequest.js';

/** Number orders: requirements, create, read, registration, submit (REFERENCE §4.2). */
export const numberOrderQueries: Pick<QueryResolvers, 'numberRequirements' | 'numberOrder'> = {
  numberRequirements: (_parent, { regionCode, type }, { numbers, scope }) => numbers.client.lookupNumberRequirements(scope, regionCode, type),

  // A 404 is null, like `number`: "is this order ours?" is a question, not a failure.
  numberOrder: (_parent, { id }, { numbers, scope }) =>
    numbers.client.getNumberOrder(scope, id).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    }),
};

export const numberOrderMutations: Pick<MutationResolvers, 'createNumberOrder' | 'updateNumberOrderRegistration' | 'submitNumberOrder'> = {
  createNumberOrder: (_parent, { input }, { numbers, scope }) => numbers.client.createNumberOrder(scope, toCreateNumberOrderRequest(input)),

  updateNumberOrderRegistration: (_parent, { id, requestDetails }, { numbers, scope }) => numbers.client.updateNumberOrderRegistration(scope, id, requestDetails),

  submitNumberOrder: (_parent, { id }, { numbers, scope }) => numbers.client.submitNumberOrder(scope, id),
};
