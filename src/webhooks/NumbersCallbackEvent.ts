import { z } from 'zod';

/** Known `eventType`s of ACTIVE_NUMBER callbacks (OpenAPI `CallbackPayloadActiveNumber`). */
export const ACTIVE_NUMBER_EVENT_TYPES = [
  'PROVISIONING_TO_SMS_PLATFORM',
  'DEPROVISIONING_FROM_SMS_PLATFORM',
  'PROVISIONING_TO_CAMPAIGN',
  'DEPROVISIONING_FROM_CAMPAIGN',
  'PROVISIONING_TO_VOICE_PLATFORM',
  'DEPROVISIONING_FROM_VOICE_PLATFORM',
] as const;

export const NUMBER_ORDER_STATUSES = ['IN_REVIEW', 'BLOCKED', 'COMPLETED', 'REJECTED', 'EXPIRED'] as const;

/**
 * `failureCode` values the spec lists. Sinch adds codes over time (its mock server already
 * sends PROVISIONING_TO_VOICE_PLATFORM_FAILED), so the type stays open: a new code is
 * delivered as a string rather than refused, which would only make Sinch retry forever.
 */
export type KnownFailureCode =
  | 'CAMPAIGN_NOT_AVAILABLE' | 'EXCEEDED_10DLC_LIMIT' | 'NUMBER_PROVISIONING_FAILED' | 'PARTNER_SERVICE_UNAVAILABLE'
  | 'CAMPAIGN_PENDING_ACCEPTANCE' | 'MNO_SHARING_ERROR' | 'CAMPAIGN_PROVISIONING_FAILED' | 'CAMPAIGN_EXPIRED'
  | 'CAMPAIGN_MNO_REJECTED' | 'CAMPAIGN_MNO_SUSPENDED' | 'CAMPAIGN_MNO_REVIEW' | 'INSUFFICIENT_BALANCE'
  | 'MOCK_CAMPAIGN_NOT_ALLOWED' | 'TFN_NOT_ALLOWED' | 'INVALID_NNID';

interface CallbackEventCommon {
  eventId: string;
  /** As sent: no timezone, UTC implied (`2023-06-06T07:45:27.785357`). */
  timestamp: string;
  /** `timestamp` parsed as UTC, in epoch milliseconds. */
  occurredAt: number;
  projectId: string;
  resourceId: string;
}

/** A provisioning result of an active number; `resourceId` is the phone number. */
export interface ActiveNumberCallbackEvent extends CallbackEventCommon {
  resourceType: 'ACTIVE_NUMBER';
  eventType: (typeof ACTIVE_NUMBER_EVENT_TYPES)[number];
  status: 'SUCCEEDED' | 'FAILED';
  failureCode: KnownFailureCode | (string & {}) | null;
  internalFailureCode: string | null;
}

/** A state change of a number order; `resourceId` is the order id. */
export interface NumberOrderCallbackEvent extends CallbackEventCommon {
  resourceType: 'NUMBER_ORDER';
  eventType: 'NUMBER_ORDER_PROCESSING';
  status: (typeof NUMBER_ORDER_STATUSES)[number];
}

export type NumbersCallbackEvent = ActiveNumberCallbackEvent | NumberOrderCallbackEvent;

/** ISO date-time; the offset is optional because Sinch sends none (the SDK appends `Z`). */
const CALLBACK_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;

/** Epoch milliseconds of a callback timestamp, reading a missing offset as UTC; NaN when malformed. */
export function parseCallbackTimestamp(timestamp: string): number {
  const match = CALLBACK_TIMESTAMP.exec(timestamp);
  if (match === null) return Number.NaN;
  const [, dateTime, fraction = '0', offset = 'Z'] = match;
  return Date.parse(`${dateTime}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`);
}

const common = {
  eventId: z.string().min(1).max(200),
  timestamp: z.string().refine((value) => Number.isFinite(parseCallbackTimestamp(value)), 'must be an ISO date-time such as 2023-06-06T07:45:27.785357'),
  projectId: z.string().min(1).max(200),
  resourceId: z.string().min(1).max(200),
};

const callbackSchema = z.discriminatedUnion('resourceType', [
  z.object({
    ...common,
    resourceType: z.literal('ACTIVE_NUMBER'),
    eventType: z.enum(ACTIVE_NUMBER_EVENT_TYPES),
    status: z.enum(['SUCCEEDED', 'FAILED']),
    failureCode: z.string().min(1).max(200).nullish(),
    internalFailureCode: z.string().max(200).nullish(),
  }),
  z.object({
    ...common,
    resourceType: z.literal('NUMBER_ORDER'),
    eventType: z.literal('NUMBER_ORDER_PROCESSING'),
    status: z.enum(NUMBER_ORDER_STATUSES),
  }),
]);

export type ParsedCallback = { ok: true; event: NumbersCallbackEvent } | { ok: false; problems: string[] };

/** Validates a parsed JSON body; problems name fields, never echo values. */
export function parseNumbersCallbackEvent(json: unknown): ParsedCallback {
  const result = callbackSchema.safeParse(json);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`) };
  }
  const data = result.data;
  const occurredAt = parseCallbackTimestamp(data.timestamp);
  if (data.resourceType === 'NUMBER_ORDER') return { ok: true, event: { ...data, occurredAt } };
  return {
    ok: true,
    event: { ...data, occurredAt, failureCode: data.failureCode ?? null, internalFailureCode: data.internalFailureCode ?? null },
  };
}
