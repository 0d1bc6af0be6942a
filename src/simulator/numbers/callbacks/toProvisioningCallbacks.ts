import type { FinishedProvisioningJob } from '../ProvisioningEngine.js';
import {
  formatCallbackTimestamp,
  newCallbackEventId,
  type ActiveNumberEventType,
  type NumbersCallbackPayload,
} from './NumbersCallbackPayload.js';

/** The only internal failure code any source shows (SDK fixture `number-sinch-event.json`). */
export const CAMPAIGN_INTERNAL_FAILURE_CODE = 'CRS0018';

/** Unlinking goes campaign first, then service plan; linking the other way round. */
const EVENT_ORDER: readonly ActiveNumberEventType[] = [
  'DEPROVISIONING_FROM_CAMPAIGN',
  'DEPROVISIONING_FROM_SMS_PLATFORM',
  'PROVISIONING_TO_SMS_PLATFORM',
  'PROVISIONING_TO_CAMPAIGN',
];

/**
 * The ACTIVE_NUMBER callbacks of one finished job. Like the real API, only final results
 * are reported (SUCCEEDED / FAILED), never WAITING → IN_PROGRESS.
 *
 * SMS success: one event per dimension that changed (service plan, campaign), each
 * PROVISIONING_TO_* or DEPROVISIONING_FROM_* depending on whether the new value is empty; a
 * job that changes nothing still reports its SMS platform event. SMS failure: one FAILED
 * event, the campaign one when the job links a campaign (with `internalFailureCode`),
 * otherwise the SMS platform one; `failureCode` is the first error code, verbatim.
 * Voice: PROVISIONING_TO_VOICE_PLATFORM, or DEPROVISIONING_FROM_VOICE_PLATFORM when the
 * target id is empty; voice jobs never fail.
 */
export function toProvisioningCallbacks(finished: FinishedProvisioningJob, now = new Date()): NumbersCallbackPayload[] {
  const { record } = finished;
  const callback = (eventType: ActiveNumberEventType, failureCode: string | null = null): NumbersCallbackPayload => ({
    eventId: newCallbackEventId(),
    timestamp: formatCallbackTimestamp(now),
    projectId: record.projectId,
    resourceId: record.phoneNumber,
    resourceType: 'ACTIVE_NUMBER',
    eventType,
    status: failureCode === null ? 'SUCCEEDED' : 'FAILED',
    failureCode,
    ...(failureCode !== null && eventType === 'PROVISIONING_TO_CAMPAIGN' ? { internalFailureCode: CAMPAIGN_INTERNAL_FAILURE_CODE } : {}),
  });

  if (finished.kind === 'VOICE') {
    const { job } = finished;
    const target = { RTC: job.appId, EST: job.trunkId, FAX: job.serviceId }[job.type];
    return [callback(target === '' ? 'DEPROVISIONING_FROM_VOICE_PLATFORM' : 'PROVISIONING_TO_VOICE_PLATFORM')];
  }

  const { job, previous, step } = finished;
  const platformEvent: ActiveNumberEventType = job.servicePlanId === '' ? 'DEPROVISIONING_FROM_SMS_PLATFORM' : 'PROVISIONING_TO_SMS_PLATFORM';
  const campaignEvent: ActiveNumberEventType = job.campaignId === '' ? 'DEPROVISIONING_FROM_CAMPAIGN' : 'PROVISIONING_TO_CAMPAIGN';
  if (step.status === 'FAILED') {
    const failureCode = step.errorCodes[0] ?? 'ERROR_CODE_UNSPECIFIED';
    return [callback(job.campaignId === '' ? platformEvent : 'PROVISIONING_TO_CAMPAIGN', failureCode)];
  }
  const campaignChanged = job.campaignId !== previous.campaignId;
  const platformChanged = job.servicePlanId !== previous.servicePlanId;
  const events = new Set<ActiveNumberEventType>();
  if (platformChanged || !campaignChanged) events.add(platformEvent);
  if (campaignChanged) events.add(campaignEvent);
  return EVENT_ORDER.filter((eventType) => events.has(eventType)).map((eventType) => callback(eventType));
}
