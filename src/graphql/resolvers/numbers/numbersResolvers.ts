import type { Resolvers } from '../../../generated/graphql.js';
import { activeNumberMutations } from './activeNumberMutations.js';
import { activeNumberQueries } from './activeNumberQueries.js';
import { callbackConfigurationResolvers } from './callbackConfigurationResolvers.js';
import { catalogQueries } from './catalogQueries.js';
import { catalogTypeResolvers } from './catalogTypeResolvers.js';
import { numberTypeResolvers } from './numberTypeResolvers.js';
import { provisioningErrorResolvers } from './provisioningErrorResolvers.js';
import { rentMutations } from './rentMutations.js';
import { resubmitProvisioning } from './resubmitProvisioning.js';
import { smsConfigurationResolvers } from './smsConfigurationResolvers.js';
import { voiceConfigurationResolvers } from './voiceConfigurationResolvers.js';

/** Resolvers of schema/numbers.graphql: one small file per concern, assembled here. */
export const numbersResolvers: Resolvers = {
  Query: {
    ...activeNumberQueries,
    ...catalogQueries,
    ...callbackConfigurationResolvers.Query,
  },
  Mutation: {
    resubmitProvisioning,
    ...activeNumberMutations,
    ...rentMutations,
    ...callbackConfigurationResolvers.Mutation,
  },
  Number: numberTypeResolvers,
  CallbackConfiguration: callbackConfigurationResolvers.CallbackConfiguration,
  ...smsConfigurationResolvers,
  ...voiceConfigurationResolvers,
  ...provisioningErrorResolvers,
  ...catalogTypeResolvers,
};
