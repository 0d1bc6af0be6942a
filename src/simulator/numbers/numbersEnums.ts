/** Enumerations of the Numbers API (OpenAPI `components.schemas`, REFERENCE §4.4). */

export const NUMBER_TYPES = ['MOBILE', 'LOCAL', 'TOLL_FREE'] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];

export const NUMBER_CAPABILITIES = ['SMS', 'VOICE'] as const;
export type NumberCapability = (typeof NUMBER_CAPABILITIES)[number];

export const SEARCH_PATTERNS = ['START', 'CONTAINS', 'END'] as const;
export type SearchPattern = (typeof SEARCH_PATTERNS)[number];

export const VOICE_APPLICATION_TYPES = ['RTC', 'EST', 'FAX'] as const;
export type VoiceApplicationType = (typeof VOICE_APPLICATION_TYPES)[number];

export const ORDER_BY_FIELDS = ['phoneNumber', 'displayName'] as const;
export type OrderByField = (typeof ORDER_BY_FIELDS)[number];

/**
 * Every SmsErrorCode except ERROR_CODE_UNSPECIFIED, in spec order. The seed has one FAILED
 * number per code, and `FAIL_<code>` service plan or campaign ids fail with it.
 */
export const SMS_ERROR_CODES = [
  'INTERNAL_ERROR',
  'SMS_PROVISIONING_FAILED',
  'CAMPAIGN_PROVISIONING_FAILED',
  'CAMPAIGN_NOT_AVAILABLE',
  'EXCEEDED_10DLC_LIMIT',
  'NUMBER_PROVISIONING_FAILED',
  'PARTNER_SERVICE_UNAVAILABLE',
  'CAMPAIGN_PENDING_ACCEPTANCE',
  'MNO_SHARING_ERROR',
  'CAMPAIGN_EXPIRED',
  'CAMPAIGN_MNO_REJECTED',
  'CAMPAIGN_MNO_SUSPENDED',
  'CAMPAIGN_MNO_REVIEW',
  'INSUFFICIENT_BALANCE',
  'MOCK_CAMPAIGN_NOT_ALLOWED',
  'TFN_NOT_ALLOWED',
  'INVALID_NNID',
] as const;

/**
 * Provisioning statuses. Strings rather than a closed union because the seed deliberately
 * carries a status from the future, which the gateway must survive.
 */
export type ProvisioningStatus = 'PROVISIONING_STATUS_UNSPECIFIED' | 'WAITING' | 'IN_PROGRESS' | 'FAILED' | (string & {});

export function isPendingStatus(status: ProvisioningStatus): boolean {
  return status === 'WAITING' || status === 'IN_PROGRESS';
}

export function isOneOf<T extends string>(values: readonly T[], candidate: unknown): candidate is T {
  return typeof candidate === 'string' && (values as readonly string[]).includes(candidate);
}
