import { describe, expect, it } from 'vitest';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { createSipTrunkingLoaders } from '../../../src/upstream/sipTrunking/createSipTrunkingLoaders.js';
import { TRUNK_LIST_THRESHOLD } from '../../../src/upstream/sipTrunking/loaders/createTrunkLoader.js';
import { UpstreamError } from '../../../src/upstream/UpstreamError.js';
import { scope, useSipClients } from './support/useSipClients.js';

const MISSING = '01JBQ6ZZZZ0000000000000000';

const sip = useSipClients();

describe('SIP Trunking loaders: the trunk batch rule', () => {
  it(`gets each trunk below ${TRUNK_LIST_THRESHOLD} distinct ids`, async () => {
    const loaders = createSipTrunkingLoaders(sip.clients.sipTrunking, scope);
    const trunks = await Promise.all([loaders.trunk.load(SEEDED_TRUNK_IDS[0]), loaders.trunk.load(SEEDED_TRUNK_IDS[1]), loaders.trunk.load(SEEDED_TRUNK_IDS[0])]);
    expect(trunks.map((trunk) => trunk?.id)).toEqual([SEEDED_TRUNK_IDS[0], SEEDED_TRUNK_IDS[1], SEEDED_TRUNK_IDS[0]]);
    expect(await sip.sipRoutes()).toEqual(['GET /v1/projects/{projectId}/trunks/{sipTrunkId}', 'GET /v1/projects/{projectId}/trunks/{sipTrunkId}']);
  });

  it(`lists all trunks in one call from ${TRUNK_LIST_THRESHOLD} distinct ids, null for an unknown one`, async () => {
    const loaders = createSipTrunkingLoaders(sip.clients.sipTrunking, scope);
    const trunks = await loaders.trunk.loadMany([SEEDED_TRUNK_IDS[0], SEEDED_TRUNK_IDS[1], MISSING]);
    expect(trunks.map((trunk) => (trunk instanceof Error ? trunk : trunk?.id ?? null))).toEqual([SEEDED_TRUNK_IDS[0], SEEDED_TRUNK_IDS[1], null]);
    expect(await sip.sipRoutes()).toEqual(['GET /v1/projects/{projectId}/trunks']);
  });

  it('answers null for a 404 and an error for anything else, key by key', async () => {
    await sip.admin.addFault({ path: `/trunks/${SEEDED_TRUNK_IDS[1]}$`, status: 500 });
    const loaders = createSipTrunkingLoaders(sip.clients.sipTrunking, scope);
    const [missing, failed] = await loaders.trunk.loadMany([MISSING, SEEDED_TRUNK_IDS[1]]);
    expect(missing).toBeNull();
    expect(failed).toBeInstanceOf(UpstreamError);
    expect(failed).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', service: 'SIP_TRUNKING' });
  });

  it('reads every page of a long list: the first, then all the others at once', async () => {
    // Three one-trunk pages in the spec's shape (sipTrunks, string pageNumber, size).
    for (const page of [1, 2, 3]) {
      const trunk = { id: SEEDED_TRUNK_IDS[page - 1], name: `Page ${page}`, hostName: `page-${page}` };
      await sip.admin.addFault({ method: 'GET', path: '/trunks$', status: 200, body: { sipTrunks: [trunk], pageNumber: String(page), size: 1, totalItems: 3 } });
    }
    const trunks = await sip.clients.sipTrunking.trunks.listAll(scope);
    // Pages 2 and 3 travel in parallel, so they may arrive (and take their fault) in either order.
    expect(trunks.map((trunk) => trunk.id).sort()).toEqual(SEEDED_TRUNK_IDS.slice(0, 3).sort());
    expect((await sip.admin.requests('SIP_TRUNKING')).map((entry) => entry.query['page']).sort()).toEqual(['1', '2', '3']);
  });
});

describe('SIP Trunking client: errors and validation', () => {
  it('maps seed-003 answers to codes: NOT_FOUND, CONFLICT, FAILED_PRECONDITION', async () => {
    await expect(sip.clients.sipTrunking.trunks.get(scope, MISSING)).rejects.toMatchObject({ code: 'NOT_FOUND', httpStatus: 404, upstreamMessage: `Could not find SIP Trunk with id '${MISSING}'` });
    await expect(sip.clients.sipTrunking.trunks.create(scope, { name: 'Dup', hostName: 'sim-trunk-1' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(sip.clients.sipTrunking.trunks.delete(scope, SEEDED_TRUNK_IDS[0])).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
  });

  it('refuses an id that could change the path before any call', async () => {
    await expect(sip.clients.sipTrunking.trunks.get(scope, '../../other')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(sip.clients.sipTrunking.countryPermissions.get(scope, 'se')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await sip.sipRoutes()).toEqual([]);
  });

  it('sends the SDK body for PUT credential lists and reads its echo', async () => {
    const ids = await sip.clients.sipTrunking.trunks.replaceCredentialLists(scope, SEEDED_TRUNK_IDS[3], []);
    expect(ids).toEqual([]);
    expect(await sip.clients.sipTrunking.trunks.listCredentialLists(scope, SEEDED_TRUNK_IDS[3])).toEqual([]);
  });
});
