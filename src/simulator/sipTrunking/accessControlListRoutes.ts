import { ulid } from 'ulid';
import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { listReply, parsePageWindow } from './estPaging.js';
import { trunksOfAccessControlList } from './findTrunk.js';
import { BodyReader, isJsonObject, parseJsonObject, type Parsed } from './parseSipBody.js';
import { badRequest, notFound, SIP_MESSAGES, validationFailed } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import type { AccessControlListRecord, IpRangeRecord } from './SipTrunkingRecords.js';
import { nowWithNanoseconds } from './sipTimestamps.js';
import { aclToWire, trunkToWire } from './toSipWire.js';

export type IpRangeFields = Pick<IpRangeRecord, 'description' | 'ipAddress' | 'range'>;

const IPV4 = /^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])$/;

/** Access control lists (REFERENCE §6.2); IP ranges are in `ipRangeRoutes.ts`. */
export function registerAccessControlListRoutes(sip: SipTrunkingModule): void {
  const render = (acl: AccessControlListRecord, precision: 'seconds' | 'nanoseconds' = 'seconds') =>
    aclToWire(acl, trunksOfAccessControlList(sip, acl.id), sip.projectId, precision);

  sip.route('GET', '/accessControlLists', (request) => {
    const window = parsePageWindow(request);
    if (!window.ok) return window.reply;
    return listReply('accessControlLists', [...sip.state.accessControlLists.values()], window.value, (acl) => render(acl));
  });

  sip.route('POST', '/accessControlLists', (request) => {
    const fields = readAcl(request, true);
    if (!fields.ok) return fields.reply;
    const now = nowWithNanoseconds();
    const id = ulid();
    const acl: AccessControlListRecord = {
      id,
      name: fields.value.name,
      enabled: fields.value.enabled,
      ipRanges: (fields.value.ipRanges ?? []).map((range) => ({ id: ulid(), accessControlListId: id, ...range, createTime: now, updateTime: null })),
      createTime: now,
      updateTime: null,
    };
    sip.state.accessControlLists.set(id, acl);
    return { status: 200, body: render(acl, 'nanoseconds') };
  });

  sip.route('GET', '/accessControlLists/{id}', (request) => withAcl(sip, request.params['id'], (acl) => ({ status: 200, body: render(acl) })));

  sip.route('PUT', '/accessControlLists/{id}', (request) =>
    withAcl(sip, request.params['id'], (acl) => {
      const fields = readAcl(request, false);
      if (!fields.ok) return fields.reply;
      const now = nowWithNanoseconds();
      acl.name = fields.value.name;
      acl.enabled = fields.value.enabled;
      // `ipRanges` is optional on PUT (SDK UpdateAccessControlListRequest): absent keeps the ranges.
      if (fields.value.ipRanges !== undefined) {
        acl.ipRanges = fields.value.ipRanges.map((range) => ({ id: ulid(), accessControlListId: acl.id, ...range, createTime: now, updateTime: null }));
      }
      acl.updateTime = now;
      return { status: 200, body: render(acl, 'nanoseconds') };
    }),
  );

  sip.route('DELETE', '/accessControlLists/{id}', (request) =>
    withAcl(sip, request.params['id'], (acl) => {
      if (trunksOfAccessControlList(sip, acl.id).length > 0) {
        return badRequest(SIP_MESSAGES.parentHasChildren('Access Control List', 'SIP Trunk'));
      }
      sip.state.accessControlLists.delete(acl.id);
      return { status: 204 };
    }),
  );

  sip.route('GET', '/accessControlLists/{id}/trunks', (request) =>
    withAcl(sip, request.params['id'], (acl) => {
      const window = parsePageWindow(request);
      if (!window.ok) return window.reply;
      const trunks = trunksOfAccessControlList(sip, acl.id).flatMap((id) => sip.state.trunks.get(id) ?? []);
      return listReply('trunks', trunks, window.value, (trunk) => trunkToWire(trunk, sip.projectId));
    }),
  );
}

export function withAcl(sip: SipTrunkingModule, aclId: string | undefined, handle: (acl: AccessControlListRecord) => SimulatorReply): SimulatorReply {
  const acl = sip.state.accessControlLists.get(aclId ?? '');
  return acl === undefined ? notFound(SIP_MESSAGES.aclNotFound(aclId ?? '')) : handle(acl);
}

interface AclFields {
  name: string;
  enabled: boolean;
  ipRanges: IpRangeFields[] | undefined;
}

function readAcl(request: SimulatorRequest, creating: boolean): Parsed<AclFields> {
  const body = parseJsonObject(request);
  if (!body.ok) return body;
  const reader = new BodyReader(body.value);
  const name = reader.requiredString('name');
  const enabled = reader.boolean('enabled', true);
  const rawRanges = body.value['ipRanges'];
  const problems = reader.problems();
  if (problems !== undefined) return { ok: false, reply: problems };
  if (rawRanges === undefined || rawRanges === null) {
    return creating ? { ok: false, reply: badRequest(SIP_MESSAGES.aclNeedsIpRange()) } : { ok: true, value: { name, enabled, ipRanges: undefined } };
  }
  if (!Array.isArray(rawRanges)) return { ok: false, reply: badRequest('Failed to read HTTP message') };
  if (rawRanges.length === 0) return { ok: false, reply: badRequest(SIP_MESSAGES.aclNeedsIpRange()) };
  const ipRanges: IpRangeFields[] = [];
  for (const raw of rawRanges) {
    const range = readIpRange(raw);
    if (!range.ok) return range;
    ipRanges.push(range.value);
  }
  return { ok: true, value: { name, enabled, ipRanges } };
}

/** S7: an IP range written as a CIDR string instead of an object is "Failed to read HTTP message". */
export function readIpRange(raw: unknown): Parsed<IpRangeFields> {
  if (!isJsonObject(raw)) return { ok: false, reply: badRequest('Failed to read HTTP message') };
  const reader = new BodyReader(raw);
  const fields: IpRangeFields = {
    description: reader.optionalString('description') ?? '',
    ipAddress: reader.requiredString('ipAddress'),
    range: reader.integer('range', 32, 0, 32),
  };
  const problems = reader.problems();
  if (problems !== undefined) return { ok: false, reply: problems };
  if (!IPV4.test(fields.ipAddress)) return { ok: false, reply: validationFailed([{ field: 'ipAddress', description: 'must be an IPv4 address' }]) };
  return { ok: true, value: fields };
}
