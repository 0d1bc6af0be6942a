import type { ActiveNumberRecord } from './ActiveNumberRecord.js';

/**
 * Renders an active number the way the Numbers API does: every field present, unset
 * strings as `""`, unset timestamps and finished jobs as `null`, and all three of
 * appId/trunkId/serviceId in voice objects (REFERENCE §4.5). Copies everything so that
 * callers can never mutate the stored record through a response.
 */
export function toActiveNumberWire(record: ActiveNumberRecord): Record<string, unknown> {
  const sms = record.smsConfiguration;
  const voice = record.voiceConfiguration;
  return {
    phoneNumber: record.phoneNumber,
    projectId: record.projectId,
    displayName: record.displayName,
    regionCode: record.regionCode,
    type: record.type,
    capability: [...record.capability],
    money: { ...record.money },
    paymentIntervalMonths: record.paymentIntervalMonths,
    nextChargeDate: record.nextChargeDate,
    expireAt: record.expireAt,
    smsConfiguration: {
      servicePlanId: sms.servicePlanId,
      scheduledProvisioning: sms.scheduled === null ? null : { ...sms.scheduled, errorCodes: [...sms.scheduled.errorCodes] },
      campaignId: sms.campaignId,
    },
    voiceConfiguration: {
      type: voice.type,
      appId: voice.appId,
      trunkId: voice.trunkId,
      serviceId: voice.serviceId,
      scheduledVoiceProvisioning: voice.scheduled === null ? null : { ...voice.scheduled },
      lastUpdatedTime: voice.lastUpdatedTime,
    },
    callbackUrl: record.callbackUrl,
  };
}
