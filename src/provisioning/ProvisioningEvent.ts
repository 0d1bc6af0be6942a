import type { ActiveNumber, NumberOrder } from '../upstream/numbers/numbersWireTypes.js';

/** Where the gateway learnt of an event (GraphQL `ProvisioningEventSource`). */
export type ProvisioningEventSource = 'CALLBACK' | 'MUTATION' | 'POLL' | 'CURRENT_STATE';

/** Sinch's callback event types, plus the gateway's own status observations. */
export type ProvisioningEventType =
  | 'PROVISIONING_TO_SMS_PLATFORM'
  | 'DEPROVISIONING_FROM_SMS_PLATFORM'
  | 'PROVISIONING_TO_CAMPAIGN'
  | 'DEPROVISIONING_FROM_CAMPAIGN'
  | 'PROVISIONING_TO_VOICE_PLATFORM'
  | 'DEPROVISIONING_FROM_VOICE_PLATFORM'
  | 'NUMBER_ORDER_PROCESSING'
  | 'SMS_PROVISIONING'
  | 'VOICE_PROVISIONING';

export type ProvisioningEventStatus =
  | 'WAITING'
  | 'IN_PROGRESS'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'IDLE'
  | 'UNSPECIFIED'
  | 'CREATED'
  | 'IN_REVIEW'
  | 'BLOCKED'
  | 'COMPLETED'
  | 'REJECTED'
  | 'EXPIRED';

/**
 * One step in the life of a number's provisioning or of a number order, whatever its source.
 * `number` / `numberOrder` is the resource as Sinch reported it AFTER the step: callbacks may
 * arrive out of order, so subscribers are told the truth by the re-read, not by the step.
 */
export interface ProvisioningEvent {
  eventId: string;
  source: ProvisioningEventSource;
  projectId: string;
  resourceType: 'ACTIVE_NUMBER' | 'NUMBER_ORDER';
  /** The phone number, or the number order id. */
  resourceId: string;
  eventType: ProvisioningEventType;
  status: ProvisioningEventStatus;
  /** ISO 8601, UTC. */
  occurredAt: string;
  failureCode: string | null;
  internalFailureCode: string | null;
  number: ActiveNumber | null;
  numberOrder: NumberOrder | null;
  /** With tracing on: the W3C `traceparent` of the span that published it (its deliveries join that trace, on any replica). */
  traceparent?: string;
}
