import type { MutationResolvers } from '../../../generated/graphql.js';
import type { SipTrunkingLoaders } from '../../../upstream/sipTrunking/createSipTrunkingLoaders.js';
import { toAccessControlListWrite, toIpRangeWrite } from './toSipWriteModels.js';
import { checkSipIds } from './sipResolverHelpers.js';

/**
 * A change to what is linked where invalidates both directions of the link (a trunk's lists,
 * a list's trunks); the loaders are cleared wholesale, which is cheap because mutations are
 * few and the alternative, tracking every cached side of a link, is easy to get wrong.
 */
function forgetLinks(loaders: SipTrunkingLoaders): void {
  loaders.trunkAccessControlListIds.clearAll();
  loaders.trunkCredentialLists.clearAll();
  loaders.accessControlList.clearAll();
  loaders.accessControlListTrunks.clearAll();
  loaders.credentialListTrunks.clearAll();
}

/** Access control lists, IP ranges, credential lists, credentials and their links to trunks. */
export const accessMutations: MutationResolvers = {
  createAccessControlList: (_, { input }, { sipTrunking, scope }) => sipTrunking.client.accessControlLists.create(scope, toAccessControlListWrite(input)),
  replaceAccessControlList: async (_, { id, input }, { sipTrunking, scope }) => {
    checkSipIds({ id });
    const acl = await sipTrunking.client.accessControlLists.replace(scope, id, toAccessControlListWrite(input));
    sipTrunking.loaders.accessControlList.clear(id).prime(id, acl);
    sipTrunking.loaders.accessControlListIpRanges.clear(id);
    return acl;
  },
  deleteAccessControlList: async (_, { id }, { sipTrunking, scope }) => {
    checkSipIds({ id });
    await sipTrunking.client.accessControlLists.delete(scope, id);
    forgetLinks(sipTrunking.loaders);
    return id;
  },
  addIpRange: async (_, { accessControlListId, input }, { sipTrunking, scope }) => {
    checkSipIds({ accessControlListId });
    const range = await sipTrunking.client.accessControlLists.addIpRange(scope, accessControlListId, toIpRangeWrite(input));
    sipTrunking.loaders.accessControlList.clear(accessControlListId);
    sipTrunking.loaders.accessControlListIpRanges.clear(accessControlListId);
    return range;
  },
  replaceIpRange: async (_, { accessControlListId, id, input }, { sipTrunking, scope }) => {
    checkSipIds({ accessControlListId, id });
    const range = await sipTrunking.client.accessControlLists.replaceIpRange(scope, accessControlListId, id, toIpRangeWrite(input));
    sipTrunking.loaders.accessControlList.clear(accessControlListId);
    sipTrunking.loaders.accessControlListIpRanges.clear(accessControlListId);
    return range;
  },
  deleteIpRange: async (_, { accessControlListId, id }, { sipTrunking, scope }) => {
    checkSipIds({ accessControlListId, id });
    await sipTrunking.client.accessControlLists.deleteIpRange(scope, accessControlListId, id);
    sipTrunking.loaders.accessControlList.clear(accessControlListId);
    sipTrunking.loaders.accessControlListIpRanges.clear(accessControlListId);
    return id;
  },
  createCredentialList: (_, { input }, { sipTrunking, scope }) =>
    sipTrunking.client.credentialLists.create(scope, input.name, input.credentials.map(({ username, password }) => ({ username, password }))),
  renameCredentialList: async (_, { id, name }, { sipTrunking, scope }) => {
    checkSipIds({ id });
    const list = await sipTrunking.client.credentialLists.replace(scope, id, name);
    sipTrunking.loaders.credentialList.clear(id).prime(id, list);
    return list;
  },
  deleteCredentialList: async (_, { id }, { sipTrunking, scope }) => {
    checkSipIds({ id });
    await sipTrunking.client.credentialLists.delete(scope, id);
    forgetLinks(sipTrunking.loaders);
    sipTrunking.loaders.credentialList.clear(id);
    return id;
  },
  setCredential: async (_, { credentialListId, input }, { sipTrunking, scope }) => {
    checkSipIds({ credentialListId });
    const credential = await sipTrunking.client.credentialLists.setCredential(scope, credentialListId, input);
    sipTrunking.loaders.credentialList.clear(credentialListId);
    return credential;
  },
  deleteCredential: async (_, { credentialListId, username }, { sipTrunking, scope }) => {
    checkSipIds({ credentialListId });
    await sipTrunking.client.credentialLists.deleteCredential(scope, credentialListId, username);
    sipTrunking.loaders.credentialList.clear(credentialListId);
    return username;
  },
  addAccessControlListsToTrunk: async (_, { trunkId, accessControlListIds }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId });
    await sipTrunking.client.trunks.addAccessControlLists(scope, trunkId, accessControlListIds);
    forgetLinks(sipTrunking.loaders);
    return sipTrunking.loaders.trunk.load(trunkId);
  },
  removeAccessControlListFromTrunk: async (_, { trunkId, accessControlListId }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId, accessControlListId });
    await sipTrunking.client.trunks.removeAccessControlList(scope, trunkId, accessControlListId);
    forgetLinks(sipTrunking.loaders);
    return sipTrunking.loaders.trunk.load(trunkId);
  },
  addCredentialListsToTrunk: async (_, { trunkId, credentialListIds }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId });
    await sipTrunking.client.trunks.addCredentialLists(scope, trunkId, credentialListIds);
    forgetLinks(sipTrunking.loaders);
    return sipTrunking.loaders.trunk.load(trunkId);
  },
  replaceTrunkCredentialLists: async (_, { trunkId, credentialListIds }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId });
    await sipTrunking.client.trunks.replaceCredentialLists(scope, trunkId, credentialListIds);
    forgetLinks(sipTrunking.loaders);
    return sipTrunking.loaders.trunk.load(trunkId);
  },
  removeCredentialListFromTrunk: async (_, { trunkId, credentialListId }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId, credentialListId });
    await sipTrunking.client.trunks.removeCredentialList(scope, trunkId, credentialListId);
    forgetLinks(sipTrunking.loaders);
    return sipTrunking.loaders.trunk.load(trunkId);
  },
};
