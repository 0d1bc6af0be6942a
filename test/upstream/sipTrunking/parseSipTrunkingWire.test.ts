import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../../src/upstream/UpstreamError.js';
import { parseCredentialListLink, parseEstPage, parseIdItem } from '../../../src/upstream/sipTrunking/wire/parseEstPage.js';
import {
  parseCallBlockingRule,
  parseCallRecord,
  parseCredentialList,
  parseMoney,
  parseSipEndpoint,
  parseSipTrunk,
} from '../../../src/upstream/sipTrunking/wire/parseSipTrunkingResources.js';

const ENDPOINT = 'GET /v1/projects/{projectId}/trunks';
const TRUNK = { id: '01W4FFL35P4NC4K35SIPTRUNK1', name: 'Friendly name for e2e test', hostName: 'e2e-sip-trunk-domain' };

describe('SIP Trunking wire: pages in both shapes (REFERENCE §8)', () => {
  it('reads the SDK shape: key `trunks`, numeric pageNumber and pageSize', () => {
    const page = parseEstPage({ trunks: [TRUNK], pageNumber: 2, pageSize: 1, totalItems: 3 }, ENDPOINT, ['trunks', 'sipTrunks'], parseSipTrunk, { page: 2, size: 1 });
    expect(page).toMatchObject({ pageNumber: 2, pageSize: 1, totalItems: 3 });
    expect(page.items.map((trunk) => trunk.id)).toEqual([TRUNK.id]);
  });

  it('reads the spec shape: key `sipTrunks`, string pageNumber and `size`', () => {
    const page = parseEstPage({ sipTrunks: [TRUNK], pageNumber: '1', size: 1000, totalItems: 1 }, ENDPOINT, ['trunks', 'sipTrunks'], parseSipTrunk, { page: 1, size: 50 });
    expect(page).toMatchObject({ pageNumber: 1, pageSize: 1000, totalItems: 1 });
    expect(page.items).toHaveLength(1);
  });

  it('reads a bare array (the spec\'s call blocking rules) as the whole list', () => {
    const rules = [{ id: '01KG5BN8Z0HSR2P9GM3K9YA8RE', direction: 'INBOUND' }];
    const page = parseEstPage(rules, ENDPOINT, ['callBlockingRules'], parseCallBlockingRule, { page: 1, size: 50 });
    expect(page).toMatchObject({ pageNumber: 1, totalItems: 1 });
  });

  it('reads `{callBlockingRules: [...]}` with paging (the SDK shape)', () => {
    const page = parseEstPage(
      { callBlockingRules: [{ id: '01KG5BN8Z0HSR2P9GM3K9YA8RE', direction: 'inbound' }], pageNumber: 1, pageSize: 50, totalItems: 1 },
      ENDPOINT,
      ['callBlockingRules'],
      parseCallBlockingRule,
      { page: 1, size: 50 },
    );
    expect(page.items[0]?.direction).toBe('INBOUND');
  });

  it('treats a missing list key as an empty page (proto3 omits empty arrays)', () => {
    expect(parseEstPage({ totalItems: 0 }, ENDPOINT, ['trunks'], parseSipTrunk, { page: 1, size: 50 }).items).toEqual([]);
  });

  it('fails with UPSTREAM_BAD_RESPONSE when the list is not a list', () => {
    const parse = () => parseEstPage({ trunks: 'nope' }, ENDPOINT, ['trunks'], parseSipTrunk, { page: 1, size: 50 });
    expect(parse).toThrow(UpstreamError);
    expect(() => parse()).toThrow(expect.objectContaining({ code: 'UPSTREAM_BAD_RESPONSE', service: 'SIP_TRUNKING' }));
  });
});

describe('SIP Trunking wire: trunk credential lists in both shapes', () => {
  it('reads `credentialListIds` (spec) as links without lists', () => {
    expect(parseIdItem('01GNZ9MXEZ4K6S8GB7RW063VAN', ENDPOINT)).toBe('01GNZ9MXEZ4K6S8GB7RW063VAN');
    expect(parseCredentialListLink('01GNZ9MXEZ4K6S8GB7RW063VAN', ENDPOINT)).toEqual({ id: '01GNZ9MXEZ4K6S8GB7RW063VAN', list: undefined });
  });

  it('reads `credentialLists` (SDK) objects as links carrying the list', () => {
    const link = parseCredentialListLink({ id: '01GNZ9MXEZ4K6S8GB7RW063VAN', name: 'Desk', credentials: [{ id: 'c1', username: 'alice' }] }, ENDPOINT);
    expect(link.list?.credentials).toEqual([{ id: 'c1', username: 'alice' }]);
  });
});

describe('SIP Trunking wire: resources', () => {
  it('reads Money with a string amount (spec) and a number amount (SDK mock) alike', () => {
    expect(parseMoney({ currencyCode: 'USD', amount: '0.0040' })).toEqual({ currencyCode: 'USD', amount: '0.0040' });
    expect(parseMoney({ currencyCode: 'USD', amount: 0.004 })).toEqual({ currencyCode: 'USD', amount: '0.0040' });
    expect(parseMoney({ currencyCode: 'USD' })).toBeNull();
  });

  it('upper-cases a lowercase direction (the mock sends `inbound`)', () => {
    expect(parseCallBlockingRule({ id: 'r', direction: 'outbound' }, ENDPOINT).direction).toBe('OUTBOUND');
  });

  it('reads the mock call record: `+0000` offsets become Z, unknown results null', () => {
    const call = parseCallRecord(
      { callId: 'c', to: '12017777777', from: 'sip:12015555555@76.184.202.212', direction: 'inbound', createTime: '2024-06-06T16:57:45+0000', callResult: 'TELEPORTED', price: { currencyCode: 'USD', amount: 0.004 } },
      ENDPOINT,
    );
    expect(call).toMatchObject({ direction: 'INBOUND', createTime: '2024-06-06T16:57:45.000Z', callResult: null, price: { amount: '0.0040' } });
  });

  it('keeps nanosecond UTC timestamps as sent', () => {
    expect(parseSipTrunk({ ...TRUNK, createTime: '2024-06-06T14:42:42.820177628Z', updateTime: null }, ENDPOINT)).toMatchObject({
      createTime: '2024-06-06T14:42:42.820177628Z',
      updateTime: null,
      callsPerSecond: 1,
      callForwardNumber: null,
    });
  });

  it('tells static from registered endpoints and reads both username spellings', () => {
    expect(parseSipEndpoint({ id: 'e', name: 'n', address: '127.0.0.1', priority: 2 }, ENDPOINT)).toMatchObject({ kind: 'STATIC', port: 5060, transport: 'UDP', enabled: true });
    expect(parseSipEndpoint({ id: 'e', name: 'n', isRegistered: true, credentialUserName: 'bob', priority: 1 }, ENDPOINT)).toMatchObject({ kind: 'REGISTERED', credentialUsername: 'bob' });
  });

  it('never keeps a password, whatever the wire carries', () => {
    const list = parseCredentialList({ id: 'l', name: 'n', credentials: [{ id: 'c', username: 'alice', password: 'Secret-Passw0rd' }] }, ENDPOINT);
    expect(JSON.stringify(list)).not.toContain('Secret');
  });

  it('reads the spec\'s `{name, id}` credential list without credentials', () => {
    expect(parseCredentialList({ id: 'l', name: 'n' }, ENDPOINT).credentials).toBeUndefined();
  });
});
