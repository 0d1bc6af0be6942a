import type { Resolvers } from '../../../generated/graphql.js';
import { verificationMutationResolvers } from './verificationMutationResolvers.js';
import { verificationQueryResolvers } from './verificationQueryResolvers.js';
import { verificationResultResolvers } from './verificationResultResolvers.js';
import { verificationStartResolvers } from './verificationStartResolvers.js';

/** Resolvers of schema/verification.graphql. */
export const verificationResolvers: Resolvers = {
  Query: verificationQueryResolvers,
  Mutation: verificationMutationResolvers,
  ...verificationStartResolvers,
  ...verificationResultResolvers,
};
