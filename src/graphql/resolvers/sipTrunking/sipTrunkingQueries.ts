import type { QueryResolvers } from '../../../generated/graphql.js';
import { nullWhenNotFound } from '../../../upstream/sipTrunking/loaders/loaderResults.js';
import { CALLS_MAX_PAGE_SIZE } from '../../../upstream/sipTrunking/api/CallsApi.js';
import { trunkSegment } from '../../../upstream/sipTrunking/api/TrunksApi.js';
import { EST_MAX_PAGE_SIZE } from '../../../upstream/sipTrunking/EstHttp.js';
import { readEstConnection } from './readEstConnection.js';
import { checkSipIds } from './sipResolverHelpers.js';
import { toCallRecordQuery } from './toSipWriteModels.js';

const LIST = { defaultFirst: 50, maxFirst: EST_MAX_PAGE_SIZE };

/** Rethrows everything but a 404, which becomes null ("no such resource"). */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    const result = nullWhenNotFound(error);
    if (result instanceof Error) throw result;
    return null;
  }
}

export const sipTrunkingQueries: QueryResolvers = {
  sipTrunk: (_, { id }, { sipTrunking }) => {
    // Checked here so the error names this argument, `id`; the loader's own check says `trunkId`.
    trunkSegment(id, 'id');
    return sipTrunking.loaders.trunk.load(id);
  },
  sipTrunkByDomain: async (_, { domain }, { sipTrunking, scope }) => {
    const page = await orNull(sipTrunking.client.trunks.list(scope, { page: 1, size: 1 }, domain));
    return page?.items[0] ?? null;
  },
  sipTrunks: async (_, args, { sipTrunking, scope, cursors }) => {
    const connection = await readEstConnection(args, { listKey: 'trunks', ...LIST, cursors }, (page) => sipTrunking.client.trunks.list(scope, page));
    for (const trunk of connection.nodes) sipTrunking.loaders.trunk.prime(trunk.id, trunk);
    return connection;
  },
  sipEndpoint: (_, { trunkId, id }, { sipTrunking, scope }) => {
    checkSipIds({ trunkId, id });
    return orNull(sipTrunking.client.endpoints.get(scope, trunkId, id));
  },
  sipEndpoints: (_, { trunkId, ...args }, { sipTrunking, scope, cursors }) => {
    checkSipIds({ trunkId });
    return readEstConnection(args, { listKey: `endpoints:${trunkId}`, ...LIST, cursors }, (page) => sipTrunking.client.endpoints.list(scope, trunkId, page));
  },
  accessControlList: (_, { id }, { sipTrunking }) => {
    checkSipIds({ id });
    return sipTrunking.loaders.accessControlList.load(id);
  },
  accessControlLists: async (_, args, { sipTrunking, scope, cursors }) => {
    const connection = await readEstConnection(args, { listKey: 'accessControlLists', ...LIST, cursors }, (page) => sipTrunking.client.accessControlLists.list(scope, page));
    for (const acl of connection.nodes) sipTrunking.loaders.accessControlList.prime(acl.id, acl);
    return connection;
  },
  credentialList: (_, { id }, { sipTrunking }) => {
    checkSipIds({ id });
    return sipTrunking.loaders.credentialList.load(id);
  },
  credentialLists: async (_, args, { sipTrunking, scope, cursors }) => {
    const connection = await readEstConnection(args, { listKey: 'credentialLists', ...LIST, cursors }, (page) => sipTrunking.client.credentialLists.list(scope, page));
    for (const list of connection.nodes) sipTrunking.loaders.credentialList.prime(list.id, list);
    return connection;
  },
  estPhoneNumber: (_, { phoneNumber }, { sipTrunking }) => sipTrunking.loaders.estPhoneNumber.load(phoneNumber),
  estPhoneNumbers: (_, { trunkId, ...args }, { sipTrunking, scope, cursors }) => {
    checkSipIds({ trunkId });
    return readEstConnection(args, { listKey: `phoneNumbers:${trunkId}`, ...LIST, cursors }, (page) => sipTrunking.client.phoneNumbers.listByTrunk(scope, trunkId, page));
  },
  countryPermissions: (_, __, { sipTrunking, scope }) => sipTrunking.client.countryPermissions.list(scope),
  countryPermission: (_, { isoCode }, { sipTrunking, scope }) => orNull(sipTrunking.client.countryPermissions.get(scope, isoCode)),
  callBlockingRules: (_, args, { sipTrunking, scope, cursors }) =>
    readEstConnection(args, { listKey: 'callBlockingRules', ...LIST, cursors }, (page) => sipTrunking.client.callBlockingRules.list(scope, page)),
  callRecords: (_, { filter, ...args }, { sipTrunking, scope, cursors }) => {
    const query = toCallRecordQuery(filter);
    const options = { listKey: `calls:${JSON.stringify(query)}`, defaultFirst: 100, maxFirst: CALLS_MAX_PAGE_SIZE, cursors };
    return readEstConnection(args, options, (page) => sipTrunking.client.calls.find(scope, query, page));
  },
  // A 404 stays an error: "no such capture" and "expired after 10 days" are the same answer, and
  // Sinch's message is the only place that says so (docs/sip-trunking.md, "Packet captures").
  callPacketCapture: (_, { pcapId, direction }, { sipTrunking, scope }) => sipTrunking.client.calls.packetCapture(scope, pcapId, direction ?? 'OUTBOUND'),
};
