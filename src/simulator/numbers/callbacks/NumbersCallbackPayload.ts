import { monotonicFactory } from 'ulid';

/** `eventType` values of ACTIVE_NUMBER callbacks (OpenAPI `CallbackPayloadActiveNumber`). */
export type ActiveNumberEventType =
  | 'PROVISIONING_TO_SMS_PLATFORM'
  | 'DEPROVISIONING_FROM_SMS_PLATFORM'
  | 'PROVISIONING_TO_CAMPAIGN'
  | 'DEPROVISIONING_FROM_CAMPAIGN'
  | 'PROVISIONING_TO_VOICE_PLATFORM'
  | 'DEPROVISIONING_FROM_VOICE_PLATFORM';

export type NumberOrderCallbackStatus = 'IN_REVIEW' | 'BLOCKED' | 'COMPLETED' | 'REJECTED' | 'EXPIRED';

/**
 * The body Sinch POSTs to a `callbackUrl` (REFERENCE §4.6). Field order follows the golden
 * vector, because the signature covers the exact bytes and tests compare them.
 */
export type NumbersCallbackPayload =
  | {
      eventId: string;
      timestamp: string;
      projectId: string;
      resourceId: string;
      resourceType: 'ACTIVE_NUMBER';
      eventType: ActiveNumberEventType;
      status: 'SUCCEEDED' | 'FAILED';
      /** `null` unless FAILED; taken verbatim from the job's first error code. */
      failureCode: string | null;
      /** Only on FAILED campaign provisioning. */
      internalFailureCode?: string;
    }
  | {
      eventId: string;
      timestamp: string;
      projectId: string;
      resourceId: string;
      resourceType: 'NUMBER_ORDER';
      eventType: 'NUMBER_ORDER_PROCESSING';
      status: NumberOrderCallbackStatus;
    };

const nextUlid = monotonicFactory();

/** Sinch event ids are lowercase ULIDs (golden vector `01hpa0mww4m79q8j2dwn3ggbgz`); monotonic, so unique. */
export function newCallbackEventId(): string {
  return nextUlid().toLowerCase();
}

/**
 * The real API sends timestamps WITHOUT a timezone (UTC implied) and with microseconds,
 * e.g. `2023-06-06T07:45:27.785357`; the SDK's "append Z" workaround exists because of it.
 */
export function formatCallbackTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, '000');
}
