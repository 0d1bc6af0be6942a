import { createActiveNumberRecord } from '../createActiveNumberRecord.js';
import type { NumbersState } from '../NumbersState.js';
import type { ProvisioningEngine } from '../ProvisioningEngine.js';
import type { NumberOrderRecord } from './NumberOrderRecord.js';

/**
 * A COMPLETED order's numbers become active numbers of the project, with the order's
 * callbackUrl, and the order's SMS / voice configuration starts ordinary provisioning jobs
 * (which then send their own ACTIVE_NUMBER callbacks).
 */
export function activateOrderedNumbers(order: NumberOrderRecord, state: NumbersState, provisioning: ProvisioningEngine, now: Date): void {
  for (const ordered of order.orderNumbers) {
    if (state.activeNumbers.has(ordered.phoneNumber)) continue;
    const nextChargeDate = new Date(now);
    nextChargeDate.setUTCMonth(nextChargeDate.getUTCMonth() + ordered.numberPrice.paymentIntervalMonths);
    const record = createActiveNumberRecord({
      phoneNumber: ordered.phoneNumber,
      projectId: order.projectId,
      regionCode: order.regionCode,
      type: order.numberType,
      capability: [...ordered.capabilities],
      money: { ...ordered.numberPrice.monthlyPrice },
      nextChargeDate: nextChargeDate.toISOString(),
      callbackUrl: order.callbackUrl,
    });
    state.activeNumbers.set(record.phoneNumber, record);
    if (order.smsConfiguration !== null && record.capability.includes('SMS')) {
      provisioning.startSms(record, order.smsConfiguration.servicePlanId, order.smsConfiguration.campaignId);
    }
    if (order.voiceConfiguration !== null && record.capability.includes('VOICE')) provisioning.startVoice(record, order.voiceConfiguration);
  }
}
