import { ulid } from 'ulid';
import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { listReply, parsePageWindow } from './estPaging.js';
import { BodyReader, parseJsonObject, type Parsed } from './parseSipBody.js';
import { badRequest, notFound, SIP_MESSAGES } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import type { CallBlockingRuleRecord } from './SipTrunkingRecords.js';
import { nowWithNanoseconds } from './sipTimestamps.js';
import { blockingRuleToWire } from './toSipWire.js';

type RuleFields = Omit<CallBlockingRuleRecord, 'id' | 'createTime' | 'updateTime'>;

/** Call blocking rules (REFERENCE §6.2). The list uses the SDK's `{callBlockingRules, paging}` shape. */
export function registerCallBlockingRuleRoutes(sip: SipTrunkingModule): void {
  sip.route('GET', '/callBlockingRules', (request) => {
    const window = parsePageWindow(request);
    if (!window.ok) return window.reply;
    return listReply('callBlockingRules', [...sip.state.callBlockingRules.values()], window.value, (rule) => blockingRuleToWire(rule, sip.projectId));
  });

  sip.route('POST', '/callBlockingRules', (request) => {
    const fields = readRule(sip, request);
    if (!fields.ok) return fields.reply;
    const rule: CallBlockingRuleRecord = { id: ulid(), ...fields.value, createTime: nowWithNanoseconds(), updateTime: null };
    sip.state.callBlockingRules.set(rule.id, rule);
    return { status: 200, body: blockingRuleToWire(rule, sip.projectId, 'nanoseconds') };
  });

  sip.route('PUT', '/callBlockingRules/{id}', (request) =>
    withRule(sip, request.params['id'], (rule) => {
      const fields = readRule(sip, request, rule.id);
      if (!fields.ok) return fields.reply;
      Object.assign(rule, fields.value, { updateTime: nowWithNanoseconds() });
      return { status: 200, body: blockingRuleToWire(rule, sip.projectId, 'nanoseconds') };
    }),
  );

  sip.route('DELETE', '/callBlockingRules/{id}', (request) =>
    withRule(sip, request.params['id'], (rule) => {
      sip.state.callBlockingRules.delete(rule.id);
      return { status: 204 };
    }),
  );
}

function withRule(sip: SipTrunkingModule, id: string | undefined, handle: (rule: CallBlockingRuleRecord) => SimulatorReply): SimulatorReply {
  const rule = sip.state.callBlockingRules.get(id ?? '');
  return rule === undefined ? notFound(SIP_MESSAGES.blockingRuleNotFound(id ?? '', sip.projectId)) : handle(rule);
}

function readRule(sip: SipTrunkingModule, request: SimulatorRequest, exceptId?: string): Parsed<RuleFields> {
  const body = parseJsonObject(request);
  if (!body.ok) return body;
  const reader = new BodyReader(body.value);
  const rawDirection = body.value['direction'];
  if (rawDirection === undefined || rawDirection === null || rawDirection === '') {
    return { ok: false, reply: badRequest(SIP_MESSAGES.directionMissing()) };
  }
  const direction = typeof rawDirection === 'string' ? rawDirection.toUpperCase() : String(rawDirection);
  if (direction !== 'INBOUND' && direction !== 'OUTBOUND') {
    return { ok: false, reply: badRequest(SIP_MESSAGES.invalidDirection(String(rawDirection))) };
  }
  const fields: RuleFields = {
    name: reader.optionalString('name'),
    direction,
    callerCountry: reader.optionalString('callerCountry'),
    calleeCountry: reader.optionalString('calleeCountry'),
    callerMatch: reader.optionalString('callerMatch'),
    calleeMatch: reader.optionalString('calleeMatch'),
  };
  const problems = reader.problems();
  if (problems !== undefined) return { ok: false, reply: problems };
  for (const field of ['callerCountry', 'calleeCountry'] as const) {
    const code = fields[field];
    if (code !== null && !/^[A-Z]{2}$/.test(code)) return { ok: false, reply: badRequest(SIP_MESSAGES.invalidCountry(field, code)) };
  }
  const duplicate = [...sip.state.callBlockingRules.values()].some(
    (rule) =>
      rule.id !== exceptId &&
      rule.direction === fields.direction &&
      rule.callerCountry === fields.callerCountry &&
      rule.calleeCountry === fields.calleeCountry &&
      rule.callerMatch === fields.callerMatch &&
      rule.calleeMatch === fields.calleeMatch,
  );
  return duplicate ? { ok: false, reply: badRequest(SIP_MESSAGES.blockingRuleExists()) } : { ok: true, value: fields };
}
