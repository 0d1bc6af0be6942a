import { newUlid } from './eventIds.js';
import { toProvisioningState } from '../upstream/numbers/toProvisioningState.js';
import type { ActiveNumber } from '../upstream/numbers/numbersWireTypes.js';
import type { ProvisioningEvent, ProvisioningEventSource, ProvisioningEventStatus } from './ProvisioningEvent.js';

/**
 * What the gateway compares to tell that a number's provisioning moved: the status of its SMS
 * and voice requests (null when none is scheduled) and the SMS error codes. Everything else of
 * the number (display name, prices) is not provisioning and never makes an event.
 */
export interface ProvisioningSnapshot {
  sms: ProvisioningEventStatus | null;
  voice: ProvisioningEventStatus | null;
  smsErrorCodes: string[];
}

type Step = Pick<ProvisioningEvent, 'eventType' | 'status' | 'failureCode'>;

export function snapshotOf(number: ActiveNumber | null): ProvisioningSnapshot {
  const sms = number?.smsConfiguration?.scheduledProvisioning;
  const voice = number?.voiceConfiguration?.scheduledVoiceProvisioning;
  return {
    sms: sms ? toProvisioningState(sms.status) : null,
    voice: voice ? toProvisioningState(voice.status) : null,
    smsErrorCodes: [...(sms?.errorCodes ?? [])],
  };
}

/** WAITING or IN_PROGRESS: something will still change without anyone asking. */
export function isPendingStatus(status: ProvisioningEventStatus | null): boolean {
  return status === 'WAITING' || status === 'IN_PROGRESS';
}

export function isPending(snapshot: ProvisioningSnapshot): boolean {
  return isPendingStatus(snapshot.sms) || isPendingStatus(snapshot.voice);
}

export function sameSnapshot(a: ProvisioningSnapshot, b: ProvisioningSnapshot): boolean {
  return a.sms === b.sms && a.voice === b.voice && a.smsErrorCodes.join() === b.smsErrorCodes.join();
}

/** The state as one step, for the first event of a subscription. */
export function currentStep(snapshot: ProvisioningSnapshot): Step {
  if (snapshot.sms !== null) return smsStep(snapshot.sms, snapshot);
  if (snapshot.voice !== null) return { eventType: 'VOICE_PROVISIONING', status: snapshot.voice, failureCode: null };
  return { eventType: 'SMS_PROVISIONING', status: 'IDLE', failureCode: null };
}

/**
 * The steps between two observations of a number. A request that was pending and is gone
 * without failing has SUCCEEDED: that is how the API shows success (the values move to the top
 * level, `scheduledProvisioning` becomes null). A request that vanishes otherwise (a FAILED one
 * replaced or cleared) says nothing worth an event.
 */
export function stepsBetween(previous: ProvisioningSnapshot, current: ProvisioningSnapshot): Step[] {
  const steps: Step[] = [];
  if (current.sms !== previous.sms || (current.sms === 'FAILED' && current.smsErrorCodes.join() !== previous.smsErrorCodes.join())) {
    if (current.sms !== null) steps.push(smsStep(current.sms, current));
    else if (isPendingStatus(previous.sms)) steps.push({ eventType: 'SMS_PROVISIONING', status: 'SUCCEEDED', failureCode: null });
  }
  if (current.voice !== previous.voice) {
    if (current.voice !== null) steps.push({ eventType: 'VOICE_PROVISIONING', status: current.voice, failureCode: null });
    else if (isPendingStatus(previous.voice)) steps.push({ eventType: 'VOICE_PROVISIONING', status: 'SUCCEEDED', failureCode: null });
  }
  return steps;
}

/** An event the gateway observed itself (not a callback): its id is the gateway's own. */
export function observedEvent(source: ProvisioningEventSource, projectId: string, phoneNumber: string, number: ActiveNumber | null, step: Step): ProvisioningEvent {
  return {
    eventId: `gateway-${newUlid()}`,
    source,
    projectId,
    resourceType: 'ACTIVE_NUMBER',
    resourceId: phoneNumber,
    occurredAt: new Date().toISOString(),
    internalFailureCode: null,
    number,
    numberOrder: null,
    ...step,
  };
}

function smsStep(status: ProvisioningEventStatus, snapshot: ProvisioningSnapshot): Step {
  return { eventType: 'SMS_PROVISIONING', status, failureCode: status === 'FAILED' ? (snapshot.smsErrorCodes[0] ?? null) : null };
}
