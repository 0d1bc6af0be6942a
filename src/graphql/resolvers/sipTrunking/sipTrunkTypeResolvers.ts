import type { Resolvers } from '../../../generated/graphql.js';
import { EST_MAX_PAGE_SIZE } from '../../../upstream/sipTrunking/EstHttp.js';
import { readEstConnection } from './readEstConnection.js';
import { firstErrorOrValues, loadReferencedTrunk } from './sipResolverHelpers.js';

/**
 * Fields of the SIP types that need another upstream call. Everything goes through the
 * request's loaders, so N trunks asking for their endpoints cost one call per distinct trunk.
 */
export const sipTrunkTypeResolvers: Resolvers = {
  SipTrunk: {
    endpoints: (trunk, _, { sipTrunking }) => sipTrunking.loaders.trunkEndpoints.load(trunk.id),
    accessControlLists: async (trunk, _, { sipTrunking }) => {
      const ids = await sipTrunking.loaders.trunkAccessControlListIds.load(trunk.id);
      const lists = firstErrorOrValues(await sipTrunking.loaders.accessControlList.loadMany(ids));
      return lists.filter((list) => list !== null);
    },
    credentialLists: async (trunk, _, { sipTrunking }) => {
      const links = await sipTrunking.loaders.trunkCredentialLists.load(trunk.id);
      const lists = firstErrorOrValues(await sipTrunking.loaders.credentialList.loadMany(links.map((link) => link.id)));
      return lists.filter((list) => list !== null);
    },
    phoneNumbers: (trunk, args, { sipTrunking, scope, cursors }) =>
      readEstConnection(args, { listKey: `phoneNumbers:${trunk.id}`, defaultFirst: 50, maxFirst: EST_MAX_PAGE_SIZE, cursors }, (page) =>
        sipTrunking.client.phoneNumbers.listByTrunk(scope, trunk.id, page),
      ),
  },
  SipEndpoint: {
    __resolveType: (endpoint) => (endpoint.kind === 'STATIC' ? 'StaticSipEndpoint' : 'RegisteredSipEndpoint'),
  },
  StaticSipEndpoint: {
    trunk: (endpoint, _, context) => loadReferencedTrunk(context, endpoint.sipTrunkId),
  },
  RegisteredSipEndpoint: {
    trunk: (endpoint, _, context) => loadReferencedTrunk(context, endpoint.sipTrunkId),
  },
  AccessControlList: {
    // Embedded in the ACL body per the spec; listed separately when a response left it out.
    ipRanges: (acl, _, { sipTrunking }) => acl.ipRanges ?? sipTrunking.loaders.accessControlListIpRanges.load(acl.id),
    trunks: async (acl, _, { sipTrunking }) => {
      if (acl.trunkIds === undefined) return sipTrunking.loaders.accessControlListTrunks.load(acl.id);
      const trunks = firstErrorOrValues(await sipTrunking.loaders.trunk.loadMany(acl.trunkIds));
      return trunks.filter((trunk) => trunk !== null);
    },
  },
  CredentialList: {
    trunks: (list, _, { sipTrunking }) => sipTrunking.loaders.credentialListTrunks.load(list.id),
  },
  EstPhoneNumber: {
    trunk: (number, _, context) => loadReferencedTrunk(context, number.sipTrunkId),
  },
  CallRecord: {
    trunk: (call, _, context) => loadReferencedTrunk(context, call.trunkId),
  },
  CallPacketCapture: {
    sizeBytes: (capture) => capture.bytes.length,
    contentBase64: (capture) => capture.bytes.toString('base64'),
  },
};
