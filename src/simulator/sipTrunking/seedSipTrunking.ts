import { SEEDED_PHONE_NUMBERS, trunkFor } from '../numbers/seedActiveNumbers.js';
import { SEEDED_TRUNK_IDS } from '../simulatorCredentials.js';
import { seedCalls } from './seedCalls.js';
import { seedCountryPermissions } from './seedCountryPermissions.js';
import { SEEDED_CREATE_TIME, seedId } from './seedIds.js';
import type { AccessControlListRecord, CredentialListRecord, EndpointRecord, TrunkRecord } from './SipTrunkingRecords.js';
import type { SipTrunkingSeedOptions, SipTrunkingState } from './SipTrunkingState.js';

export const SIP_TOP_LEVEL_DOMAIN = 'pstn.sinch.com';

/** Endpoints per seeded trunk: trunk 1 has two, trunk 2 a static and a registered one, trunk 5 none. */
const ENDPOINT_LAYOUT: ReadonlyArray<ReadonlyArray<'STATIC' | 'REGISTERED'>> = [
  ['STATIC', 'STATIC'],
  ['STATIC', 'REGISTERED'],
  ['STATIC'],
  ['STATIC', 'STATIC', 'STATIC'],
  [],
];

/** Which seeded ACLs and credential lists each seeded trunk links to (by index). */
const ACL_LINKS = [[0, 1], [0], [1], [], [2]];
const CREDENTIAL_LIST_LINKS = [[], [0], [], [0, 1], []];

/**
 * The seeded SIP account: the five trunks the seeded EST numbers point at (SEEDED_TRUNK_IDS),
 * with endpoints, ACLs, credential lists and their links, country permissions, blocking rules
 * and a day of call records. Identical for identical options except for call times, which
 * follow `now` so that they fall in the API's default 24-hour window.
 */
export function seedSipTrunking(options: SipTrunkingSeedOptions): SipTrunkingState {
  const trunks = SEEDED_TRUNK_IDS.map((id, index): TrunkRecord => ({
    id,
    name: `Simulator trunk ${index + 1}`,
    hostName: `sim-trunk-${index + 1}`,
    domain: `sim-trunk-${index + 1}.${SIP_TOP_LEVEL_DOMAIN}`,
    callsPerSecond: 1,
    enableCallerName: index === 0,
    callForwardNumber: index === 0 ? '+12025550150' : '',
    enableCallForward: index === 0,
    createTime: SEEDED_CREATE_TIME,
    updateTime: null,
  }));
  const accessControlLists = seedAccessControlLists();
  const credentialLists = seedCredentialLists();
  return {
    trunks: new Map(trunks.map((trunk) => [trunk.id, trunk])),
    endpoints: new Map(seedEndpoints().map((endpoint) => [endpoint.id, endpoint])),
    accessControlLists: new Map(accessControlLists.map((acl) => [acl.id, acl])),
    credentialLists: new Map(credentialLists.map((list) => [list.id, list])),
    trunkAccessControlLists: new Map(SEEDED_TRUNK_IDS.map((id, index) => [id, (ACL_LINKS[index] ?? []).map((n) => seedId('ACGR', n))])),
    trunkCredentialLists: new Map(SEEDED_TRUNK_IDS.map((id, index) => [id, (CREDENTIAL_LIST_LINKS[index] ?? []).map((n) => seedId('CRED', n))])),
    countryPermissions: seedCountryPermissions(),
    callBlockingRules: new Map([
      [seedId('BKRS', 0), { id: seedId('BKRS', 0), name: 'Block premium Caribbean callers', direction: 'INBOUND', callerCountry: 'JM', calleeCountry: null, callerMatch: '1876', calleeMatch: null, createTime: SEEDED_CREATE_TIME, updateTime: null }],
      [seedId('BKRS', 1), { id: seedId('BKRS', 1), name: 'No calls to satellite numbers', direction: 'OUTBOUND', callerCountry: null, calleeCountry: null, callerMatch: null, calleeMatch: '881', createTime: SEEDED_CREATE_TIME, updateTime: null }],
    ]),
    calls: seedCalls(options.now, SEEDED_PHONE_NUMBERS.est, trunkFor),
    phoneNumberAssignments: new Map(),
    addedProjects: new Set(),
  };
}

function seedEndpoints(): EndpointRecord[] {
  const endpoints: EndpointRecord[] = [];
  ENDPOINT_LAYOUT.forEach((kinds, trunkIndex) => {
    kinds.forEach((kind, position) => {
      const index = endpoints.length;
      endpoints.push({
        id: seedId('ENDP', index),
        sipTrunkId: SEEDED_TRUNK_IDS[trunkIndex] ?? '',
        name: `${kind === 'STATIC' ? 'PBX' : 'Desk phone'} ${trunkIndex + 1}.${position + 1}`,
        transport: position === 0 ? 'UDP' : 'TLS',
        priority: position + 1,
        enabled: true,
        address: kind === 'STATIC' ? `198.51.100.${10 + index}` : null,
        port: kind === 'STATIC' ? (position === 0 ? 5060 : 5061) : null,
        credentialUsername: kind === 'REGISTERED' ? 'alice.desk' : null,
        createTime: SEEDED_CREATE_TIME,
        updateTime: null,
      });
    });
  });
  return endpoints;
}

function seedAccessControlLists(): AccessControlListRecord[] {
  const layout: Array<[string, boolean, Array<[string, string, number]>]> = [
    ['Head office', true, [['Office LAN', '203.0.113.0', 24], ['VPN gateway', '198.51.100.7', 32]]],
    ['Data centre', true, [['Carrier edge', '192.0.2.0', 28]]],
    ['Backup site', false, [['Standby PBX', '192.0.2.200', 32]]],
  ];
  let rangeIndex = 0;
  return layout.map(([name, enabled, ranges], index) => {
    const id = seedId('ACGR', index);
    return {
      id,
      name,
      enabled,
      ipRanges: ranges.map(([description, ipAddress, range]) => ({
        id: seedId('NETR', rangeIndex++),
        accessControlListId: id,
        description,
        ipAddress,
        range,
        createTime: SEEDED_CREATE_TIME,
        updateTime: null,
      })),
      createTime: SEEDED_CREATE_TIME,
      updateTime: null,
    };
  });
}

function seedCredentialLists(): CredentialListRecord[] {
  const layout: Array<[string, string[]]> = [
    ['Desk phones', ['alice.desk', 'bob.desk']],
    ['Softphones', ['carol.soft']],
  ];
  let credentialIndex = 0;
  return layout.map(([name, usernames], index) => ({
    id: seedId('CRED', index),
    name,
    credentials: usernames.map((username) => ({
      id: seedId('CRDN', credentialIndex++),
      username,
      password: `Seeded-Passw0rd-${username}`,
    })),
    createTime: SEEDED_CREATE_TIME,
    updateTime: null,
  }));
}
