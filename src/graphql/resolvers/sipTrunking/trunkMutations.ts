import type { MutationResolvers } from '../../../generated/graphql.js';
import type { SipTrunkingLoaders } from '../../../upstream/sipTrunking/createSipTrunkingLoaders.js';
import type { SipTrunk } from '../../../upstream/sipTrunking/SipTrunkingModels.js';
import { toRegisteredEndpointWrite, toStaticEndpointWrite, toTrunkWrite } from './toSipWriteModels.js';
import { checkSipIds } from './sipResolverHelpers.js';

/** Later fields of the same operation must see the trunk as the mutation left it. */
export function primeTrunk(loaders: SipTrunkingLoaders, trunk: SipTrunk): SipTrunk {
  loaders.trunk.clear(trunk.id).prime(trunk.id, trunk);
  return trunk;
}

/** Trunks and their SIP endpoints. */
export const trunkMutations: MutationResolvers = {
  createSipTrunk: async (_, { input }, { sipTrunking, scope }) =>
    primeTrunk(sipTrunking.loaders, await sipTrunking.client.trunks.create(scope, toTrunkWrite(input))),
  replaceSipTrunk: async (_, { id, input }, { sipTrunking, scope }) => {
    checkSipIds({ id });
    return primeTrunk(sipTrunking.loaders, await sipTrunking.client.trunks.replace(scope, id, toTrunkWrite(input)));
  },
  deleteSipTrunk: async (_, { id }, { sipTrunking, scope }) => {
    checkSipIds({ id });
    await sipTrunking.client.trunks.delete(scope, id);
    sipTrunking.loaders.trunk.clear(id);
    sipTrunking.loaders.trunkEndpoints.clear(id);
    return id;
  },
  createStaticSipEndpoint: async (_, { trunkId, input }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId });
    const endpoint = await sipTrunking.client.endpoints.create(scope, trunkId, toStaticEndpointWrite(input));
    sipTrunking.loaders.trunkEndpoints.clear(trunkId);
    return endpoint;
  },
  createRegisteredSipEndpoint: async (_, { trunkId, input }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId });
    const endpoint = await sipTrunking.client.endpoints.create(scope, trunkId, toRegisteredEndpointWrite(input));
    sipTrunking.loaders.trunkEndpoints.clear(trunkId);
    return endpoint;
  },
  replaceStaticSipEndpoint: async (_, { trunkId, id, input }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId, id });
    const endpoint = await sipTrunking.client.endpoints.replace(scope, trunkId, id, toStaticEndpointWrite(input));
    sipTrunking.loaders.trunkEndpoints.clear(trunkId);
    return endpoint;
  },
  replaceRegisteredSipEndpoint: async (_, { trunkId, id, input }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId, id });
    const endpoint = await sipTrunking.client.endpoints.replace(scope, trunkId, id, toRegisteredEndpointWrite(input));
    sipTrunking.loaders.trunkEndpoints.clear(trunkId);
    return endpoint;
  },
  deleteSipEndpoint: async (_, { trunkId, id }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId, id });
    await sipTrunking.client.endpoints.delete(scope, trunkId, id);
    sipTrunking.loaders.trunkEndpoints.clear(trunkId);
    return id;
  },
};
