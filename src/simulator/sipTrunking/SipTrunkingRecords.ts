/**
 * The Elastic SIP Trunking resources as the simulator stores them. Timestamps are kept with
 * nanoseconds; `toSipWire.ts` renders them the way the API does (nanoseconds in a create
 * response, whole seconds afterwards, REFERENCE §6.1).
 */

export interface TrunkRecord {
  id: string;
  name: string;
  hostName: string;
  /** Fixed at creation: after a PUT with a new hostName the API still reports the old domain (§6.3). */
  domain: string;
  callsPerSecond: number;
  enableCallerName: boolean;
  callForwardNumber: string;
  enableCallForward: boolean;
  createTime: string;
  updateTime: string | null;
}

export interface EndpointRecord {
  id: string;
  sipTrunkId: string;
  name: string;
  transport: 'TCP' | 'UDP' | 'TLS';
  priority: number;
  enabled: boolean;
  /** Static endpoints. */
  address: string | null;
  port: number | null;
  /** Registered endpoints. */
  credentialUsername: string | null;
  createTime: string;
  updateTime: string | null;
}

export interface IpRangeRecord {
  id: string;
  accessControlListId: string;
  description: string;
  ipAddress: string;
  range: number;
  createTime: string;
  updateTime: string | null;
}

export interface AccessControlListRecord {
  id: string;
  name: string;
  enabled: boolean;
  ipRanges: IpRangeRecord[];
  createTime: string;
  updateTime: string | null;
}

export interface CredentialRecord {
  id: string;
  username: string;
  /** Stored so the simulator behaves like the API; never rendered in any response. */
  password: string;
}

export interface CredentialListRecord {
  id: string;
  name: string;
  credentials: CredentialRecord[];
  createTime: string;
  updateTime: string | null;
}

export interface CountryPermissionRecord {
  isoCode: string;
  name: string;
  continent: string;
  countryDialingCodes: string[];
  enabled: boolean;
}

export interface CallBlockingRuleRecord {
  id: string;
  name: string | null;
  direction: 'INBOUND' | 'OUTBOUND';
  callerCountry: string | null;
  calleeCountry: string | null;
  callerMatch: string | null;
  calleeMatch: string | null;
  createTime: string;
  updateTime: string | null;
}

export interface CallRecord {
  callId: string;
  from: string;
  to: string;
  direction: 'INBOUND' | 'OUTBOUND';
  callResult: 'COMPLETED' | 'NO_ANSWER' | 'CANCEL' | 'BUSY' | 'FAILED';
  createTime: string;
  answerTime: string | null;
  endTime: string | null;
  durationSeconds: number;
  billingDurationSeconds: number;
  /** Per-minute price in USD, rendered as the spec's 4-decimal string. */
  pricePerMinute: number;
  trunkId: string;
  pcapId: string;
  /**
   * How the answer writes this call's times: `Z`, or the `+0000` offset some EST answers carry.
   * Times are stored in `Z` form either way, so filtering and ordering compare like with like.
   */
  zoneSuffix: 'Z' | '+0000';
}

/** When an EST phone number entry was first seen, so its id and createTime stay stable. */
export interface PhoneNumberAssignment {
  id: string;
  sipTrunkId: string;
  createTime: string;
}
