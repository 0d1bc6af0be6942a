import type { ScheduledSmsProvisioning } from '../ActiveNumberRecord.js';
import type { FinishedProvisioningJob, ProgressedSmsJob } from '../ProvisioningEngine.js';
import {
  formatCallbackTimestamp,
  newCallbackEventId,
  type ActiveNumberEventType,
  type NumbersCallbackPayload,
} from './NumbersCallbackPayload.js';

/** The only internal failure code any source shows (SDK fixture `number-sinch-event.json`). */
export const CAMPAIGN_INTERNAL_FAILURE_CODE = 'CRS0018';

/** The error code of a service plan that could not be linked (seed 000): the SMS platform part failed. */
const SMS_PLATFORM_FAILURE = 'SMS_PROVISIONING_FAILED';

/** Unlinking goes campaign first, then service plan; linking the other way round. */
const EVENT_ORDER: readonly ActiveNumberEventType[] = [
  'DEPROVISIONING_FROM_CAMPAIGN',
  'DEPROVISIONING_FROM_SMS_PLATFORM',
  'PROVISIONING_TO_SMS_PLATFORM',
  'PROVISIONING_TO_CAMPAIGN',
];

/**
 * A job that links a number to a service plan and a campaign runs in two parts (seed 000: "the
 * Status will remain IN_PROGRESS until both requests complete"): the number joins the SMS
 * platform first, then the campaign. The first part's result is reported when the job enters
 * IN_PROGRESS, the second's when it ends.
 */
function inTwoParts(job: Pick<ScheduledSmsProvisioning, 'servicePlanId' | 'campaignId'>): boolean {
  return job.servicePlanId !== '' && job.campaignId !== '';
}

/**
 * The callbacks of an SMS job entering IN_PROGRESS: PROVISIONING_TO_SMS_PLATFORM SUCCEEDED
 * when the job runs in two parts (the campaign part is still running) and its service plan part
 * is not the one that fails (`outcome`: the job's error codes as known now), else none. Like the
 * real API, a callback is always a part's final result (SUCCEEDED / FAILED), never a status.
 */
export function toInProgressCallbacks(progressed: ProgressedSmsJob, outcome: readonly string[], now = new Date()): NumbersCallbackPayload[] {
  if (!inTwoParts(progressed.job) || outcome.includes(SMS_PLATFORM_FAILURE)) return [];
  const { record } = progressed;
  return [
    {
      eventId: newCallbackEventId(),
      timestamp: formatCallbackTimestamp(now),
      projectId: record.projectId,
      resourceId: record.phoneNumber,
      resourceType: 'ACTIVE_NUMBER',
      eventType: 'PROVISIONING_TO_SMS_PLATFORM',
      status: 'SUCCEEDED',
      failureCode: null,
    },
  ];
}

/**
 * The ACTIVE_NUMBER callbacks of one finished job. Only results are reported (SUCCEEDED /
 * FAILED), never a status such as WAITING or IN_PROGRESS.
 *
 * SMS in two parts (a service plan and a campaign): the SMS platform part was reported at
 * IN_PROGRESS, so the end is one PROVISIONING_TO_CAMPAIGN event, SUCCEEDED or FAILED.
 * Other SMS success: one event per dimension that changed (service plan, campaign), each
 * PROVISIONING_TO_* or DEPROVISIONING_FROM_* depending on whether the new value is empty; a
 * job that changes nothing still reports its SMS platform event. SMS failure: one FAILED
 * event, the campaign one when the job links a campaign (with `internalFailureCode`), unless
 * the job failed with SMS_PROVISIONING_FAILED, otherwise the SMS platform one; `failureCode` is the first error code, verbatim.
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
    const platformFailed = job.campaignId === '' || step.errorCodes.includes(SMS_PLATFORM_FAILURE);
    return [callback(platformFailed ? platformEvent : 'PROVISIONING_TO_CAMPAIGN', failureCode)];
  }
  if (inTwoParts(job)) return [callback('PROVISIONING_TO_CAMPAIGN')];
  const campaignChanged = job.campaignId !== previous.campaignId;
  const platformChanged = job.servicePlanId !== previous.servicePlanId;
  const events = new Set<ActiveNumberEventType>();
  if (platformChanged || !campaignChanged) events.add(platformEvent);
  if (campaignChanged) events.add(campaignEvent);
  return EVENT_ORDER.filter((eventType) => events.has(eventType)).map((eventType) => callback(eventType));
}
