import type { Resolvers } from '../../../generated/graphql.js';

/** Resolvers of schema/verification.graphql. Placeholder until the domain lands. */
export const verificationResolvers: Resolvers = {};
