import type {
  AccessControlList,
  CallBlockingRule,
  CallDirection,
  CallRecord,
  CallResult,
  CountryPermission,
  Credential,
  CredentialList,
  EstPhoneNumber,
  IpRange,
  Money,
  SipEndpoint,
  SipTransport,
  SipTrunk,
} from '../SipTrunkingModels.js';
import { WireReader, badResponse, isJsonObject } from './WireReader.js';

/**
 * One parser per EST resource. Each takes the parsed JSON and the endpoint it came from and
 * returns the gateway's model, reading both the spec's and the SDK's spellings (REFERENCE §8).
 */

export function parseSipTrunk(value: unknown, endpoint: string): SipTrunk {
  const wire = WireReader.of(value, endpoint, 'a SIP trunk');
  return {
    id: wire.requiredString('id'),
    name: wire.optionalString('name') ?? '',
    hostName: wire.optionalString('hostName') ?? '',
    domain: wire.optionalString('domain'),
    topLevelDomain: wire.optionalString('topLevelDomain'),
    callsPerSecond: wire.optionalNumber('callsPerSecond') ?? 1,
    enableCallerName: wire.boolean('enableCallerName', false),
    callForwardNumber: wire.optionalString('callForwardNumber'),
    enableCallForward: wire.boolean('enableCallForward', false),
    createTime: wire.timestamp('createTime'),
    updateTime: wire.timestamp('updateTime'),
  };
}

const TRANSPORTS: readonly SipTransport[] = ['TCP', 'UDP', 'TLS'];

export function parseSipEndpoint(value: unknown, endpoint: string): SipEndpoint {
  const wire = WireReader.of(value, endpoint, 'a SIP endpoint');
  const transport = (wire.optionalString('transport') ?? 'UDP').toUpperCase();
  const common = {
    id: wire.requiredString('id'),
    sipTrunkId: wire.optionalString('sipTrunkId') ?? '',
    name: wire.optionalString('name') ?? '',
    transport: (TRANSPORTS as readonly string[]).includes(transport) ? (transport as SipTransport) : 'UDP',
    priority: wire.optionalNumber('priority') ?? 1,
    enabled: wire.boolean('enabled', true),
    createTime: wire.timestamp('createTime'),
    updateTime: wire.timestamp('updateTime'),
  };
  if (wire.boolean('isRegistered', false)) {
    // The SDK's RegisteredEndpoint type has both spellings; the spec has `credentialUsername`.
    const credentialUsername = wire.optionalString('credentialUsername') ?? wire.optionalString('credentialUserName') ?? '';
    return { kind: 'REGISTERED', ...common, credentialUsername };
  }
  return { kind: 'STATIC', ...common, address: wire.optionalString('address') ?? '', port: wire.optionalNumber('port') ?? 5060 };
}

export function parseIpRange(value: unknown, endpoint: string): IpRange {
  const wire = WireReader.of(value, endpoint, 'an IP range');
  return {
    id: wire.requiredString('id'),
    accessControlListId: wire.optionalString('accessControlListId'),
    description: wire.optionalString('description'),
    ipAddress: wire.optionalString('ipAddress') ?? '',
    range: wire.optionalNumber('range') ?? 32,
    createTime: wire.timestamp('createTime'),
    updateTime: wire.timestamp('updateTime'),
  };
}

export function parseAccessControlList(value: unknown, endpoint: string): AccessControlList {
  const wire = WireReader.of(value, endpoint, 'an access control list');
  const ipRanges = wire.object['ipRanges'];
  return {
    id: wire.requiredString('id'),
    name: wire.optionalString('name') ?? '',
    enabled: wire.boolean('enabled', true),
    ipRanges: Array.isArray(ipRanges) ? ipRanges.map((item) => parseIpRange(item, endpoint)) : undefined,
    trunkIds: wire.stringArray('trunks'),
    createTime: wire.timestamp('createTime'),
    updateTime: wire.timestamp('updateTime'),
  };
}

export function parseCredential(value: unknown, endpoint: string): Credential {
  const wire = WireReader.of(value, endpoint, 'a credential');
  // Passwords are write-only: whatever the wire carries, nothing but id and username is kept.
  return { id: wire.optionalString('id'), username: wire.requiredString('username') };
}

export function parseCredentialList(value: unknown, endpoint: string): CredentialList {
  const wire = WireReader.of(value, endpoint, 'a credential list');
  const credentials = wire.object['credentials'];
  return {
    id: wire.requiredString('id'),
    name: wire.optionalString('name') ?? '',
    credentials: Array.isArray(credentials) ? credentials.map((item) => parseCredential(item, endpoint)) : undefined,
    createTime: wire.timestamp('createTime'),
    updateTime: wire.timestamp('updateTime'),
  };
}

export function parseEstPhoneNumber(value: unknown, endpoint: string): EstPhoneNumber {
  const wire = WireReader.of(value, endpoint, 'a phone number');
  return {
    id: wire.optionalString('id'),
    sipTrunkId: wire.optionalString('sipTrunkId') ?? '',
    phoneNumber: wire.requiredString('phoneNumber'),
    countryCode: wire.optionalString('countryCode'),
    createTime: wire.timestamp('createTime'),
    updateTime: wire.timestamp('updateTime'),
  };
}

export function parseCountryPermission(value: unknown, endpoint: string): CountryPermission {
  const wire = WireReader.of(value, endpoint, 'a country permission');
  return {
    isoCode: wire.requiredString('isoCode'),
    name: wire.optionalString('name'),
    continent: wire.optionalString('continent'),
    countryDialingCodes: wire.stringArray('countryDialingCodes') ?? [],
    enabled: wire.boolean('enabled', false),
  };
}

/** The mock returns `inbound`; the spec says `INBOUND`. */
export function parseDirection(value: unknown): CallDirection | null {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  return upper === 'INBOUND' || upper === 'OUTBOUND' ? upper : null;
}

export function parseCallBlockingRule(value: unknown, endpoint: string): CallBlockingRule {
  const wire = WireReader.of(value, endpoint, 'a call blocking rule');
  const direction = parseDirection(wire.object['direction']);
  if (direction === null) {
    throw badResponse(endpoint, 'call blocking rule without a direction');
  }
  return {
    id: wire.requiredString('id'),
    name: wire.optionalString('name'),
    direction,
    callerCountry: wire.optionalString('callerCountry'),
    calleeCountry: wire.optionalString('calleeCountry'),
    callerMatch: wire.optionalString('callerMatch'),
    calleeMatch: wire.optionalString('calleeMatch'),
    createTime: wire.timestamp('createTime'),
    updateTime: wire.timestamp('updateTime'),
  };
}

const CALL_RESULTS: readonly CallResult[] = ['COMPLETED', 'NO_ANSWER', 'CANCEL', 'BUSY', 'FAILED'];

/** The spec sends `'0.0040'`, the SDK mock `0.004`; both become the 4-decimal string. */
export function parseMoney(value: unknown): Money | null {
  if (!isJsonObject(value)) return null;
  const { currencyCode, amount } = value;
  if (typeof currencyCode !== 'string') return null;
  if (typeof amount === 'string' && amount.trim() !== '' && !Number.isNaN(Number(amount))) {
    return { currencyCode, amount: amount.trim() };
  }
  if (typeof amount === 'number' && Number.isFinite(amount)) {
    return { currencyCode, amount: amount.toFixed(4) };
  }
  return null;
}

export function parseCallRecord(value: unknown, endpoint: string): CallRecord {
  const wire = WireReader.of(value, endpoint, 'a call record');
  const callResult = (wire.optionalString('callResult') ?? '').toUpperCase();
  return {
    callId: wire.requiredString('callId'),
    from: wire.optionalString('from'),
    to: wire.optionalString('to'),
    direction: parseDirection(wire.object['direction']),
    callResult: (CALL_RESULTS as readonly string[]).includes(callResult) ? (callResult as CallResult) : null,
    answerTime: wire.timestamp('answerTime'),
    endTime: wire.timestamp('endTime'),
    durationSeconds: wire.optionalNumber('durationSeconds'),
    billingDurationSeconds: wire.optionalNumber('billingDurationSeconds'),
    pricePerMinute: parseMoney(wire.object['pricePerMinute']),
    price: parseMoney(wire.object['price']),
    createTime: wire.timestamp('createTime'),
    trunkId: wire.optionalString('trunkId'),
    pcapId: wire.optionalString('pcapId'),
  };
}
