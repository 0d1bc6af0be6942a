import type { Resolvers } from '../../../generated/graphql.js';

/** Resolvers of schema/numbers.graphql. Placeholder until the domain lands. */
export const numbersResolvers: Resolvers = {};
