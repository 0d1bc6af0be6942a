import type { ActiveNumberRecord } from '../numbers/ActiveNumberRecord.js';
import { SIP_TOP_LEVEL_DOMAIN } from './seedSipTrunking.js';
import { renderTimestamp, type TimestampPrecision } from './sipTimestamps.js';
import type {
  AccessControlListRecord,
  CallBlockingRuleRecord,
  CallRecord,
  CountryPermissionRecord,
  CredentialListRecord,
  EndpointRecord,
  IpRangeRecord,
  PhoneNumberAssignment,
  TrunkRecord,
} from './SipTrunkingRecords.js';

/**
 * Renders stored records as the EST API (and its SDK) shows them. Every renderer copies, so a
 * response can never be used to mutate the state. Passwords are never rendered.
 */

type Precision = TimestampPrecision;

export function trunkToWire(trunk: TrunkRecord, projectId: string, precision: Precision = 'seconds'): Record<string, unknown> {
  return {
    id: trunk.id,
    projectId,
    name: trunk.name,
    hostName: trunk.hostName,
    domain: trunk.domain,
    topLevelDomain: SIP_TOP_LEVEL_DOMAIN,
    callsPerSecond: trunk.callsPerSecond,
    enableCallerName: trunk.enableCallerName,
    callForwardNumber: trunk.callForwardNumber,
    enableCallForward: trunk.enableCallForward,
    createTime: renderTimestamp(trunk.createTime, precision),
    updateTime: renderTimestamp(trunk.updateTime, precision),
  };
}

export function endpointToWire(endpoint: EndpointRecord, projectId: string, precision: Precision = 'seconds'): Record<string, unknown> {
  const common = {
    id: endpoint.id,
    sipTrunkId: endpoint.sipTrunkId,
    projectId,
    name: endpoint.name,
    transport: endpoint.transport,
    priority: endpoint.priority,
    enabled: endpoint.enabled,
  };
  const kind =
    endpoint.credentialUsername !== null
      ? { isRegistered: true, credentialUsername: endpoint.credentialUsername }
      : { address: endpoint.address, port: endpoint.port };
  return { ...common, ...kind, createTime: renderTimestamp(endpoint.createTime, precision), updateTime: renderTimestamp(endpoint.updateTime, precision) };
}

export function ipRangeToWire(range: IpRangeRecord, projectId: string, precision: Precision = 'seconds'): Record<string, unknown> {
  return {
    id: range.id,
    accessControlListId: range.accessControlListId,
    projectId,
    description: range.description,
    ipAddress: range.ipAddress,
    range: range.range,
    createTime: renderTimestamp(range.createTime, precision),
    updateTime: renderTimestamp(range.updateTime, precision),
  };
}

export function aclToWire(acl: AccessControlListRecord, trunkIds: string[], projectId: string, precision: Precision = 'seconds'): Record<string, unknown> {
  return {
    id: acl.id,
    projectId,
    name: acl.name,
    enabled: acl.enabled,
    ipRanges: acl.ipRanges.map((range) => ipRangeToWire(range, projectId, precision)),
    trunks: [...trunkIds],
    createTime: renderTimestamp(acl.createTime, precision),
    updateTime: renderTimestamp(acl.updateTime, precision),
  };
}

export function credentialListToWire(list: CredentialListRecord, projectId: string, precision: Precision = 'seconds'): Record<string, unknown> {
  return {
    id: list.id,
    projectId,
    name: list.name,
    credentials: list.credentials.map(({ id, username }) => ({ id, username })),
    createTime: renderTimestamp(list.createTime, precision),
    updateTime: renderTimestamp(list.updateTime, precision),
  };
}

export function phoneNumberToWire(number: ActiveNumberRecord, assignment: PhoneNumberAssignment): Record<string, unknown> {
  return {
    id: assignment.id,
    sipTrunkId: assignment.sipTrunkId,
    phoneNumber: number.phoneNumber,
    countryCode: number.regionCode,
    createTime: renderTimestamp(assignment.createTime, 'seconds'),
    updateTime: null,
  };
}

export function countryPermissionToWire(permission: CountryPermissionRecord): Record<string, unknown> {
  return { ...permission, countryDialingCodes: [...permission.countryDialingCodes] };
}

export function blockingRuleToWire(rule: CallBlockingRuleRecord, projectId: string, precision: Precision = 'seconds'): Record<string, unknown> {
  return {
    id: rule.id,
    projectId,
    name: rule.name,
    direction: rule.direction,
    callerCountry: rule.callerCountry,
    calleeCountry: rule.calleeCountry,
    callerMatch: rule.callerMatch,
    calleeMatch: rule.calleeMatch,
    createTime: renderTimestamp(rule.createTime, precision),
    updateTime: renderTimestamp(rule.updateTime, precision),
  };
}

/** Money as the spec documents it: a string with 4 decimals (the SDK mock's number is parsed too). */
function money(amount: number): { currencyCode: string; amount: string } {
  return { currencyCode: 'USD', amount: amount.toFixed(4) };
}

export function callToWire(call: CallRecord, projectId: string): Record<string, unknown> {
  const minutes = call.billingDurationSeconds / 60;
  const time = (value: string) => (call.zoneSuffix === 'Z' ? value : value.replace(/Z$/, call.zoneSuffix));
  return {
    callId: call.callId,
    to: call.to,
    from: call.from,
    direction: call.direction,
    // Unanswered calls have no answer time: left out, as the spec types it a date-time string.
    ...(call.answerTime === null ? {} : { answerTime: time(call.answerTime) }),
    endTime: call.endTime === null ? null : time(call.endTime),
    durationSeconds: call.durationSeconds,
    callResult: call.callResult,
    pricePerMinute: money(call.pricePerMinute),
    billingDurationSeconds: call.billingDurationSeconds,
    price: money(call.pricePerMinute * minutes),
    createTime: time(call.createTime),
    projectId,
    trunkId: call.trunkId,
    pcapId: call.pcapId,
  };
}
