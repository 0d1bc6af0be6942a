/**
 * The Elastic SIP Trunking resources as the rest of the gateway sees them: one shape per
 * resource, whatever the wire said. The spec and the SDK disagree on several shapes
 * (REFERENCE §8); `parseSipTrunkingWire.ts` reads both and produces these. Unset strings
 * are `null` here (the API sends `''`, `null` or nothing for the same meaning).
 */

export interface Money {
  currencyCode: string;
  /** Decimal string; a numeric amount on the wire (the SDK mock) is rendered with 4 decimals. */
  amount: string;
}

export interface SipTrunk {
  id: string;
  name: string;
  hostName: string;
  domain: string | null;
  topLevelDomain: string | null;
  callsPerSecond: number;
  enableCallerName: boolean;
  callForwardNumber: string | null;
  enableCallForward: boolean;
  createTime: string | null;
  updateTime: string | null;
}

export type SipTransport = 'TCP' | 'UDP' | 'TLS';

interface SipEndpointBase {
  id: string;
  sipTrunkId: string;
  name: string;
  transport: SipTransport;
  priority: number;
  enabled: boolean;
  createTime: string | null;
  updateTime: string | null;
}

export interface StaticSipEndpoint extends SipEndpointBase {
  kind: 'STATIC';
  address: string;
  port: number;
}

export interface RegisteredSipEndpoint extends SipEndpointBase {
  kind: 'REGISTERED';
  credentialUsername: string;
}

/** Static or registered, told apart by `isRegistered` on the wire. */
export type SipEndpoint = StaticSipEndpoint | RegisteredSipEndpoint;

export interface IpRange {
  id: string;
  accessControlListId: string | null;
  description: string | null;
  ipAddress: string;
  range: number;
  createTime: string | null;
  updateTime: string | null;
}

export interface AccessControlList {
  id: string;
  name: string;
  enabled: boolean;
  /** Embedded in the ACL body; `undefined` when the API left it out (then list `/ipRanges`). */
  ipRanges: IpRange[] | undefined;
  /** The trunks the ACL is linked to; `undefined` when left out (then list `/trunks`). */
  trunkIds: string[] | undefined;
  createTime: string | null;
  updateTime: string | null;
}

export interface Credential {
  /** The SDK returns an id; the spec's `Credential` has none. */
  id: string | null;
  username: string;
}

export interface CredentialList {
  id: string;
  name: string;
  /** The SDK shape carries the credentials (never passwords); the spec's `{name, id}` does not. */
  credentials: Credential[] | undefined;
  createTime: string | null;
  updateTime: string | null;
}

/** A phone number routed to a SIP trunk, as the EST `/phoneNumbers` endpoint reports it. */
export interface EstPhoneNumber {
  id: string | null;
  sipTrunkId: string;
  phoneNumber: string;
  countryCode: string | null;
  createTime: string | null;
  updateTime: string | null;
}

export interface CountryPermission {
  isoCode: string;
  name: string | null;
  continent: string | null;
  countryDialingCodes: string[];
  enabled: boolean;
}

export type CallDirection = 'INBOUND' | 'OUTBOUND';

/** A call's packet capture as downloaded: the raw `.pcap` bytes of one call leg. */
export interface PacketCapture {
  pcapId: string;
  direction: CallDirection;
  bytes: Buffer;
}

export interface CallBlockingRule {
  id: string;
  name: string | null;
  direction: CallDirection;
  callerCountry: string | null;
  calleeCountry: string | null;
  callerMatch: string | null;
  calleeMatch: string | null;
  createTime: string | null;
  updateTime: string | null;
}

export type CallResult = 'COMPLETED' | 'NO_ANSWER' | 'CANCEL' | 'BUSY' | 'FAILED';

export interface CallRecord {
  callId: string;
  from: string | null;
  to: string | null;
  direction: CallDirection | null;
  /** A result this gateway does not know yet is kept as `null`, never a crash. */
  callResult: CallResult | null;
  answerTime: string | null;
  endTime: string | null;
  durationSeconds: number | null;
  billingDurationSeconds: number | null;
  pricePerMinute: Money | null;
  price: Money | null;
  createTime: string | null;
  trunkId: string | null;
  pcapId: string | null;
}

/** A trunk's link to a credential list: the id always, the list itself when the SDK shape was sent. */
export interface CredentialListLink {
  id: string;
  list: CredentialList | undefined;
}

/** One page of an EST list, normalised from whichever paging fields the API sent. */
export interface EstPage<T> {
  items: T[];
  /** 1-based. */
  pageNumber: number;
  pageSize: number;
  totalItems: number;
}

/** Page-number paging as the EST API takes it (§6.4). */
export interface EstPageRequest {
  page: number;
  size: number;
}
