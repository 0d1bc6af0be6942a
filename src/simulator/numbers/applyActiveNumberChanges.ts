import type { ActiveNumberRecord } from './ActiveNumberRecord.js';
import { invalidArgument } from './numbersErrors.js';
import type { ActiveNumberChanges } from './parseActiveNumberChanges.js';
import type { ProvisioningEngine } from './ProvisioningEngine.js';
import type { SimulatorReply } from '../core/SimulatorRequest.js';

/**
 * Checks that the number can take the requested configuration; returns an error reply
 * or undefined. Kept apart from `applyActiveNumberChanges` so rent can check before it
 * creates anything.
 */
export function checkCapabilities(capability: readonly string[], changes: ActiveNumberChanges): SimulatorReply | undefined {
  for (const [field, needed] of [
    ['smsConfiguration', 'SMS'],
    ['voiceConfiguration', 'VOICE'],
  ] as const) {
    const requested = field === 'smsConfiguration' ? changes.sms : changes.voice;
    if (requested !== undefined && !capability.includes(needed)) {
      const description = `The number does not have the ${needed} capability`;
      return invalidArgument(description, [{ field, description }]);
    }
  }
  return undefined;
}

/**
 * Applies a change set: names and URLs at once, SMS and voice configuration as scheduled
 * provisioning jobs whose values stay out of the top level until the job succeeds.
 * A new request replaces a job that is still pending or has failed (resubmission, seed 000).
 */
export function applyActiveNumberChanges(record: ActiveNumberRecord, changes: ActiveNumberChanges, engine: ProvisioningEngine): void {
  if (changes.displayName !== undefined) record.displayName = changes.displayName;
  if (changes.callbackUrl !== undefined) record.callbackUrl = changes.callbackUrl;
  if (changes.sms !== undefined) engine.startSms(record, changes.sms.servicePlanId, changes.sms.campaignId);
  if (changes.voice !== undefined) engine.startVoice(record, changes.voice);
}
