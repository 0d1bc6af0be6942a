import type { ScheduledSmsProvisioning } from './ActiveNumberRecord.js';
import type { NumbersState } from './NumbersState.js';

export const FAILURE_PREFIX = 'FAIL_';

/**
 * Decides how an SMS job ends; returns its error codes, empty for success. A scripted
 * outcome wins; otherwise a servicePlanId or campaignId `FAIL_<CODE>` fails with `<CODE>`
 * (taken verbatim, so an unknown future code can be produced too).
 */
export function resolveSmsOutcome(state: NumbersState, phoneNumber: string, job: ScheduledSmsProvisioning): string[] {
  const scripted = state.scriptedOutcomes.get(phoneNumber);
  const next = scripted?.shift();
  if (scripted !== undefined && scripted.length === 0) state.scriptedOutcomes.delete(phoneNumber);
  return next ?? failureCodesOf(job);
}

/** How the job would end if it ended now, without using up a scripted outcome. */
export function peekSmsOutcome(state: NumbersState, phoneNumber: string, job: ScheduledSmsProvisioning): string[] {
  return state.scriptedOutcomes.get(phoneNumber)?.[0] ?? failureCodesOf(job);
}

function failureCodesOf(job: ScheduledSmsProvisioning): string[] {
  const codes = [job.servicePlanId, job.campaignId]
    .filter((value) => value.startsWith(FAILURE_PREFIX) && value.length > FAILURE_PREFIX.length)
    .map((value) => value.slice(FAILURE_PREFIX.length));
  return [...new Set(codes)];
}
