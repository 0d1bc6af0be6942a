import { ulid } from 'ulid';
import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { readIpRange, withAcl } from './accessControlListRoutes.js';
import { listReply, parsePageWindow } from './estPaging.js';
import { parseJsonBody } from './parseSipBody.js';
import { badRequest, notFound, SIP_MESSAGES } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import type { AccessControlListRecord, IpRangeRecord } from './SipTrunkingRecords.js';
import { nowWithNanoseconds } from './sipTimestamps.js';
import { ipRangeToWire } from './toSipWire.js';

/** IP ranges of an access control list (REFERENCE §6.2). */
export function registerIpRangeRoutes(sip: SipTrunkingModule): void {
  const base = '/accessControlLists/{accessControlListId}/ipRanges';

  sip.route('GET', base, (request) =>
    withAcl(sip, request.params['accessControlListId'], (acl) => {
      const window = parsePageWindow(request);
      if (!window.ok) return window.reply;
      return listReply('ipRanges', acl.ipRanges, window.value, (range) => ipRangeToWire(range, sip.projectId));
    }),
  );

  sip.route('POST', base, (request) =>
    withAcl(sip, request.params['accessControlListId'], (acl) => {
      const body = parseJsonBody(request);
      if (!body.ok) return body.reply;
      const fields = readIpRange(body.value);
      if (!fields.ok) return fields.reply;
      const now = nowWithNanoseconds();
      const range: IpRangeRecord = { id: ulid(), accessControlListId: acl.id, ...fields.value, createTime: now, updateTime: null };
      acl.ipRanges.push(range);
      acl.updateTime = now;
      return { status: 200, body: ipRangeToWire(range, sip.projectId, 'nanoseconds') };
    }),
  );

  sip.route('PUT', `${base}/{ipRangeId}`, (request) =>
    withIpRange(sip, request, (range) => {
      const body = parseJsonBody(request);
      if (!body.ok) return body.reply;
      const fields = readIpRange(body.value);
      if (!fields.ok) return fields.reply;
      Object.assign(range, fields.value, { updateTime: nowWithNanoseconds() });
      return { status: 200, body: ipRangeToWire(range, sip.projectId, 'nanoseconds') };
    }),
  );

  sip.route('DELETE', `${base}/{ipRangeId}`, (request) =>
    withIpRange(sip, request, (range, acl) => {
      if (acl.ipRanges.length === 1) return badRequest(SIP_MESSAGES.aclNeedsIpRange());
      acl.ipRanges = acl.ipRanges.filter((candidate) => candidate !== range);
      acl.updateTime = nowWithNanoseconds();
      return { status: 204 };
    }),
  );
}

function withIpRange(
  sip: SipTrunkingModule,
  request: SimulatorRequest,
  handle: (range: IpRangeRecord, acl: AccessControlListRecord) => SimulatorReply,
): SimulatorReply {
  return withAcl(sip, request.params['accessControlListId'], (acl) => {
    const id = request.params['ipRangeId'] ?? '';
    const range = acl.ipRanges.find((candidate) => candidate.id === id);
    return range === undefined ? notFound(SIP_MESSAGES.ipRangeNotFound(id, acl.id)) : handle(range, acl);
  });
}
