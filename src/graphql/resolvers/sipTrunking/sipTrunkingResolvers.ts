import type { Resolvers } from '../../../generated/graphql.js';
import { accessMutations } from './accessMutations.js';
import { crossApiResolvers } from './crossApiResolvers.js';
import { estPhoneNumberMutations } from './estPhoneNumberMutations.js';
import { numberAssignmentMutations } from './numberAssignmentMutations.js';
import { policyMutations } from './policyMutations.js';
import { sipTrunkingQueries } from './sipTrunkingQueries.js';
import { sipTrunkTypeResolvers } from './sipTrunkTypeResolvers.js';
import { trunkMutations } from './trunkMutations.js';

/** Resolvers of schema/sip-trunking.graphql, including its extensions of the Numbers types. */
export const sipTrunkingResolvers: Resolvers = {
  ...crossApiResolvers,
  ...sipTrunkTypeResolvers,
  SipTrunk: { ...sipTrunkTypeResolvers.SipTrunk, ...crossApiResolvers.SipTrunk },
  CallRecord: { ...sipTrunkTypeResolvers.CallRecord, ...crossApiResolvers.CallRecord },
  EstPhoneNumber: { ...sipTrunkTypeResolvers.EstPhoneNumber, ...crossApiResolvers.EstPhoneNumber },
  Query: sipTrunkingQueries,
  Mutation: { ...trunkMutations, ...accessMutations, ...policyMutations, ...numberAssignmentMutations, ...estPhoneNumberMutations },
};
