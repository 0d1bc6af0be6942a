import { ElasticSipTrunkingService } from '@sinch/elastic-sip-trunking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { SEEDED_TRUNK_IDS, SIMULATOR_KEY_ID, SIMULATOR_KEY_SECRET, SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { seedId } from '../../../src/simulator/sipTrunking/seedIds.js';

let simulator: RunningSimulator;
let est: ElasticSipTrunkingService;

beforeAll(async () => {
  simulator = await startSimulator({ provisioning: 'manual' });
  est = new ElasticSipTrunkingService({
    projectId: SIMULATOR_PROJECT_ID,
    keyId: SIMULATOR_KEY_ID,
    keySecret: SIMULATOR_KEY_SECRET,
    authHostname: simulator.url,
    elasticSipTrunkingHostname: simulator.url,
    logger: null,
  } as ConstructorParameters<typeof ElasticSipTrunkingService>[0]);
});
afterAll(() => simulator.close());

describe('SIP Trunking simulator: the official SDK (@sinch/elastic-sip-trunking 1.4.0) runs against it', () => {
  it('sipTrunks.list auto-paginates over every page', async () => {
    const ids: string[] = [];
    for await (const trunk of est.sipTrunks.list({ size: 2 })) ids.push(trunk.id ?? '');
    expect(ids).toEqual([...SEEDED_TRUNK_IDS]);
  });

  it('sipTrunks create, get, update and delete', async () => {
    const created = await est.sipTrunks.create({ createSipTrunkRequestBody: { name: 'SDK trunk', hostName: 'sdk-trunk' } });
    expect(created).toMatchObject({ name: 'SDK trunk', domain: 'sdk-trunk.pstn.sinch.com', callsPerSecond: 1, updateTime: null });
    const id = created.id ?? '';
    expect((await est.sipTrunks.get({ sipTrunkId: id })).name).toBe('SDK trunk');
    const updated = await est.sipTrunks.update({ sipTrunkId: id, updateSipTrunkRequestBody: { name: 'Renamed', hostName: 'sdk-trunk' } });
    expect(updated.name).toBe('Renamed');
    expect(updated.updateTime).toBeInstanceOf(Date);
    expect(await est.sipTrunks.delete({ sipTrunkId: id })).toEqual({});
  });

  it('sipEndpoints list and create (static and registered)', async () => {
    const trunkId = SEEDED_TRUNK_IDS[4];
    const endpoint = await est.sipEndpoints.create({ sipTrunkId: trunkId, createSipEndpointRequestBody: { name: 'Capsule Corp Endpoint', address: '127.0.0.1', priority: 2 } });
    expect(endpoint).toMatchObject({ sipTrunkId: trunkId, port: 5060, transport: 'UDP', enabled: true, priority: 2 });
    const registered = await est.sipEndpoints.create({
      sipTrunkId: trunkId,
      createSipEndpointRequestBody: { name: 'Soft', isRegistered: true, credentialUsername: 'carol.soft', priority: 1 },
    });
    expect(registered).toMatchObject({ isRegistered: true, credentialUsername: 'carol.soft' });
    const page = await est.sipEndpoints.list({ sipTrunkId: trunkId });
    expect(page.data).toHaveLength(2);
  });

  it('accessControlList create, list, ip ranges and trunk links', async () => {
    const acl = await est.accessControlList.create({ createAccessControlListBody: { name: 'SDK ACL', ipRanges: [{ ipAddress: '10.0.1.1', range: 32 }] } });
    expect(acl.ipRanges).toHaveLength(1);
    const range = await est.accessControlList.addIpRange({ accessControlListId: acl.id ?? '', addIpRangeRequestBody: { ipAddress: '10.0.2.0', range: 24 } });
    expect(range.accessControlListId).toBe(acl.id);
    expect((await est.accessControlList.listIpRanges({ accessControlListId: acl.id ?? '' })).data).toHaveLength(2);
    await est.sipTrunks.addAccessControlList({ trunkId: SEEDED_TRUNK_IDS[3], addAccessControlListToTrunkRequestBody: { accessControlListIds: [acl.id ?? ''] } });
    const linked = await est.sipTrunks.listAccessControlLists({ trunkId: SEEDED_TRUNK_IDS[3] });
    expect(linked.data).toEqual([acl.id]);
    const all: string[] = [];
    for await (const item of est.accessControlList.list()) all.push(item.name);
    expect(all).toContain('SDK ACL');
  });

  it('credentialLists create, get, credentials, and trunk credential lists', async () => {
    const list = await est.credentialLists.create({ createCredentialListRequestBody: { name: 'SDK list', credentials: [{ username: 'sdk.user', password: 'Sdk-Passw0rd-123' }] } });
    expect(list.credentials).toEqual([{ id: expect.any(String), username: 'sdk.user' }]);
    expect(JSON.stringify(list)).not.toContain('Sdk-Passw0rd');
    const credential = await est.credentialLists.updateCredential({ id: list.id, username: 'sdk.second', updateCredentialPasswordRequestBody: { password: 'Second-Passw0rd-1' } });
    expect(credential).toEqual({ id: expect.any(String), username: 'sdk.second' });
    await est.sipTrunks.updateCredentialLists({ trunkId: SEEDED_TRUNK_IDS[4], updateCredentialListIdsForTrunkRequestBody: { credentialListIds: [list.id] } });
    const linked = await est.sipTrunks.listCredentialLists({ trunkId: SEEDED_TRUNK_IDS[4] });
    expect(linked.data.map((item) => item.id)).toEqual([list.id]);
  });

  it('countryPermissions list, get and update', async () => {
    const list = await est.countryPermissions.list();
    expect(list.countryPermissions?.find((country) => country.isoCode === 'US')?.enabled).toBe(true);
    expect((await est.countryPermissions.get({ isoCode: 'SE' })).enabled).toBe(false);
    expect((await est.countryPermissions.update({ isoCode: 'SE', updateCountryPermissionRequestBody: { enabled: true } })).enabled).toBe(true);
  });

  it('calls.find with filters and the createTime range', async () => {
    const all = await est.calls.find({});
    expect(all.data.length).toBeGreaterThan(0);
    const inbound = await est.calls.find({ direction: 'INBOUND', trunkId: SEEDED_TRUNK_IDS[0], createTimeRange: { from: new Date(Date.now() - 86_400_000) } });
    expect(inbound.data.every((call) => call.direction === 'INBOUND' && call.trunkId === SEEDED_TRUNK_IDS[0])).toBe(true);
    // The SDK does not encode `+`: the simulator still matches the prefix.
    const fromOurs = await est.calls.find({ from: '+1201555011' });
    expect(fromOurs.data.length).toBeGreaterThan(0);
  });

  it('callBlockingRules list, create, update and delete', async () => {
    const rule = await est.callBlockingRules.create({ createCallBlockingRuleRequestBody: { name: 'SDK rule', direction: 'OUTBOUND', calleeMatch: '900' } });
    expect(rule).toMatchObject({ direction: 'OUTBOUND', calleeMatch: '900', callerCountry: null });
    const updated = await est.callBlockingRules.update({ id: rule.id, updateCallBlockingRuleRequestBody: { direction: 'INBOUND', callerMatch: '900' } });
    expect(updated).toMatchObject({ direction: 'INBOUND', calleeMatch: null });
    const ids: string[] = [];
    for await (const item of est.callBlockingRules.list()) ids.push(item.id);
    expect(ids).toContain(seedId('BKRS', 0));
    expect(await est.callBlockingRules.delete({ id: rule.id })).toEqual({});
  });
});
