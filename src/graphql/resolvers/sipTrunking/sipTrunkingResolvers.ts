import type { Resolvers } from '../../../generated/graphql.js';

/** Resolvers of schema/sip-trunking.graphql. Placeholder until the domain lands. */
export const sipTrunkingResolvers: Resolvers = {};
