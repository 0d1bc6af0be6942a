import type { MutationResolvers } from '../../../generated/graphql.js';
import { toCallBlockingRuleWrite } from './toSipWriteModels.js';

/** Country permissions, call blocking rules and project sharing. */
export const policyMutations: MutationResolvers = {
  updateCountryPermission: (_, { isoCode, enabled }, { sipTrunking, scope }) => sipTrunking.client.countryPermissions.update(scope, isoCode, enabled),
  createCallBlockingRule: (_, { input }, { sipTrunking, scope }) => sipTrunking.client.callBlockingRules.create(scope, toCallBlockingRuleWrite(input)),
  replaceCallBlockingRule: (_, { id, input }, { sipTrunking, scope }) => sipTrunking.client.callBlockingRules.replace(scope, id, toCallBlockingRuleWrite(input)),
  deleteCallBlockingRule: async (_, { id }, { sipTrunking, scope }) => {
    await sipTrunking.client.callBlockingRules.delete(scope, id);
    return id;
  },
  addSipTrunkingProjects: (_, { projectIds }, { sipTrunking, scope }) => sipTrunking.client.projects.add(scope, projectIds),
};
