import type {
  ReportableVerificationMethod,
  VerificationCallResult,
  VerificationCodeType,
  VerificationMethod,
  VerificationSource,
  VerificationStatus,
  VerificationStatusReason,
} from '../../../generated/graphql.js';
import type { CodeTypeWire, ReportMethodWire, StartMethodWire } from '../../../upstream/verification/verificationWire.js';

/**
 * The GraphQL enums of schema/verification.graphql and the strings Sinch uses for them. Reading
 * is open-ended: a string Sinch adds tomorrow becomes UNKNOWN (its raw value stays available),
 * never an error, so a new upstream value cannot break a query.
 */

export const START_METHOD_WIRE: Record<Exclude<VerificationMethod, 'UNKNOWN'>, StartMethodWire> = {
  SMS: 'sms',
  FLASH_CALL: 'flashcall',
  PHONE_CALL: 'callout',
  SEAMLESS: 'seamless',
  WHATSAPP: 'whatsapp',
};

export const REPORT_METHOD_WIRE: Record<ReportableVerificationMethod, ReportMethodWire> = {
  SMS: 'sms',
  FLASH_CALL: 'flashcall',
  PHONE_CALL: 'callout',
  WHATSAPP: 'whatsapp',
};

export const CODE_TYPE_WIRE: Record<Exclude<VerificationCodeType, 'UNKNOWN'>, CodeTypeWire> = {
  NUMERIC: 'Numeric',
  ALPHA: 'Alpha',
  ALPHANUMERIC: 'Alphanumeric',
};

const REASONS: Record<string, VerificationStatusReason> = {
  Fraud: 'FRAUD',
  'Not enough credit': 'NOT_ENOUGH_CREDIT',
  Blocked: 'BLOCKED',
  'Denied by callback': 'DENIED_BY_CALLBACK',
  'Invalid callback': 'INVALID_CALLBACK',
  'Internal error': 'INTERNAL_ERROR',
  'Destination denied': 'DESTINATION_DENIED',
  'Network error or number unreachable': 'NETWORK_ERROR_OR_NUMBER_UNREACHABLE',
  'Failed pending': 'FAILED_PENDING',
  'SMS delivery failure': 'SMS_DELIVERY_FAILURE',
  'Invalid CLI': 'INVALID_CLI',
  'Invalid code': 'INVALID_CODE',
  Expired: 'EXPIRED',
  'Hung up without entering valid code': 'HUNG_UP_WITHOUT_ENTERING_VALID_CODE',
};

const STATUSES: readonly VerificationStatus[] = ['PENDING', 'SUCCESSFUL', 'FAIL', 'DENIED', 'ABORTED', 'ERROR'];
const CALL_RESULTS: readonly VerificationCallResult[] = ['ANSWERED', 'CANCEL', 'COMPLETED', 'NO_ANSWER', 'BUSY', 'FAILED'];

export function methodOf(raw: string | undefined): VerificationMethod {
  return (Object.keys(START_METHOD_WIRE) as Array<keyof typeof START_METHOD_WIRE>).find((method) => START_METHOD_WIRE[method] === raw) ?? 'UNKNOWN';
}

export function statusOf(raw: string | undefined): VerificationStatus {
  return STATUSES.find((status) => status === raw) ?? 'UNKNOWN';
}

export function reasonOf(raw: string | undefined): VerificationStatusReason | null {
  if (raw === undefined) return null;
  return Object.hasOwn(REASONS, raw) ? (REASONS[raw] ?? 'UNKNOWN') : 'UNKNOWN';
}

export function callResultOf(raw: string | undefined): VerificationCallResult | null {
  if (raw === undefined) return null;
  return CALL_RESULTS.find((result) => result === raw) ?? 'UNKNOWN';
}

export function sourceOf(raw: string | undefined): VerificationSource | null {
  if (raw === undefined) return null;
  return raw === 'intercepted' ? 'INTERCEPTED' : raw === 'manual' ? 'MANUAL' : 'UNKNOWN';
}

export function codeTypeOf(raw: string | undefined): VerificationCodeType | null {
  if (raw === undefined) return null;
  return (Object.keys(CODE_TYPE_WIRE) as Array<keyof typeof CODE_TYPE_WIRE>).find((type) => CODE_TYPE_WIRE[type] === raw) ?? 'UNKNOWN';
}
