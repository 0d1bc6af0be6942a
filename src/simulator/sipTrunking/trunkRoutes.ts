import { ulid } from 'ulid';
import type { SimulatorReply } from '../core/SimulatorRequest.js';
import { listReply, parsePageWindow } from './estPaging.js';
import { numbersOnTrunk, withTrunk } from './findTrunk.js';
import { BodyReader, parseJsonObject } from './parseSipBody.js';
import { SIP_TOP_LEVEL_DOMAIN } from './seedSipTrunking.js';
import { badRequest, notFound, SIP_MESSAGES } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import type { TrunkRecord } from './SipTrunkingRecords.js';
import { nowWithNanoseconds } from './sipTimestamps.js';
import { trunkToWire } from './toSipWire.js';

const HOST_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** SIP trunk CRUD (REFERENCE §6.2). */
export function registerTrunkRoutes(sip: SipTrunkingModule): void {
  sip.route('GET', '/trunks', (request) => {
    const window = parsePageWindow(request);
    if (!window.ok) return window.reply;
    const domain = request.query.get('domain');
    let trunks = [...sip.state.trunks.values()];
    if (domain !== null && domain !== '') {
      trunks = trunks.filter((trunk) => trunk.domain === domain);
      if (trunks.length === 0) return notFound(SIP_MESSAGES.trunkDomainNotFound(domain));
    }
    // `trunks` is the key the SDK reads; the spec calls it `sipTrunks` (docs/sip-trunking.md).
    return listReply('trunks', trunks, window.value, (trunk) => trunkToWire(trunk, sip.projectId));
  });

  sip.route('POST', '/trunks', (request) => {
    const fields = readTrunk(request);
    if (!fields.ok) return fields.reply;
    const conflict = hostNameTaken(sip, fields.value.hostName);
    if (conflict !== undefined) return conflict;
    const trunk: TrunkRecord = {
      id: ulid(),
      ...fields.value,
      domain: `${fields.value.hostName}.${SIP_TOP_LEVEL_DOMAIN}`,
      callsPerSecond: 1,
      createTime: nowWithNanoseconds(),
      updateTime: null,
    };
    sip.state.trunks.set(trunk.id, trunk);
    return { status: 201, body: trunkToWire(trunk, sip.projectId, 'nanoseconds') };
  });

  sip.route('GET', '/trunks/{sipTrunkId}', (request) =>
    withTrunk(sip, request.params['sipTrunkId'], (trunk) => ({ status: 200, body: trunkToWire(trunk, sip.projectId) })),
  );

  sip.route('PUT', '/trunks/{sipTrunkId}', (request) =>
    withTrunk(sip, request.params['sipTrunkId'], (trunk) => {
      const fields = readTrunk(request);
      if (!fields.ok) return fields.reply;
      const conflict = hostNameTaken(sip, fields.value.hostName, trunk.id);
      if (conflict !== undefined) return conflict;
      // PUT replaces every writable field; `domain` keeps its first value, as the mock does (§6.3).
      Object.assign(trunk, fields.value, { updateTime: nowWithNanoseconds() });
      return { status: 200, body: trunkToWire(trunk, sip.projectId, 'nanoseconds') };
    }),
  );

  sip.route('DELETE', '/trunks/{sipTrunkId}', (request) =>
    withTrunk(sip, request.params['sipTrunkId'], (trunk) => {
      if (numbersOnTrunk(sip, trunk.id).length > 0) return badRequest(SIP_MESSAGES.trunkHasNumbers(trunk.id));
      sip.state.trunks.delete(trunk.id);
      for (const [id, endpoint] of sip.state.endpoints) {
        if (endpoint.sipTrunkId === trunk.id) sip.state.endpoints.delete(id);
      }
      sip.state.trunkAccessControlLists.delete(trunk.id);
      sip.state.trunkCredentialLists.delete(trunk.id);
      return { status: 204 };
    }),
  );
}

type TrunkFields = Pick<TrunkRecord, 'name' | 'hostName' | 'enableCallerName' | 'callForwardNumber' | 'enableCallForward'>;

function readTrunk(request: Parameters<typeof parseJsonObject>[0]): { ok: true; value: TrunkFields } | { ok: false; reply: SimulatorReply } {
  const body = parseJsonObject(request);
  if (!body.ok) return body;
  const reader = new BodyReader(body.value);
  const value: TrunkFields = {
    name: reader.requiredString('name'),
    hostName: reader.requiredString('hostName'),
    enableCallerName: reader.boolean('enableCallerName', false),
    callForwardNumber: reader.optionalString('callForwardNumber') ?? '',
    enableCallForward: reader.boolean('enableCallForward', false),
  };
  if (value.hostName !== '' && !HOST_NAME.test(value.hostName)) {
    reader.violations.push({ field: 'hostName', description: 'must be a DNS label: letters, digits and dashes' });
  }
  if (value.callForwardNumber !== '' && !/^\+[1-9][0-9]{1,14}$/.test(value.callForwardNumber)) {
    reader.violations.push({ field: 'callForwardNumber', description: 'must be an E.164 phone number' });
  }
  if (value.enableCallForward && value.callForwardNumber === '') {
    reader.violations.push({ field: 'callForwardNumber', description: 'is required when enableCallForward is true' });
  }
  const problems = reader.problems();
  return problems === undefined ? { ok: true, value } : { ok: false, reply: problems };
}

/** Domains are unique across the platform; here, across the simulated project. */
function hostNameTaken(sip: SipTrunkingModule, hostName: string, exceptTrunkId?: string): SimulatorReply | undefined {
  const taken = [...sip.state.trunks.values()].some((trunk) => trunk.id !== exceptTrunkId && trunk.hostName.toLowerCase() === hostName.toLowerCase());
  return taken ? badRequest(SIP_MESSAGES.domainUnavailable()) : undefined;
}
