import type {
  ActiveNumberRecord,
  Money,
  SmsConfigurationRecord,
  VoiceConfigurationRecord,
} from './ActiveNumberRecord.js';
import type { NumberCapability, NumberType } from './numbersEnums.js';

export interface ActiveNumberFields {
  phoneNumber: string;
  projectId: string;
  regionCode?: string;
  type?: NumberType;
  capability?: NumberCapability[];
  displayName?: string;
  money?: Money;
  nextChargeDate: string;
  callbackUrl?: string;
  sms?: Partial<SmsConfigurationRecord>;
  voice?: Partial<VoiceConfigurationRecord>;
}

/** Builds a record with the API's defaults: a US LOCAL SMS+VOICE number with nothing linked. */
export function createActiveNumberRecord(fields: ActiveNumberFields): ActiveNumberRecord {
  return {
    phoneNumber: fields.phoneNumber,
    projectId: fields.projectId,
    displayName: fields.displayName ?? '',
    regionCode: fields.regionCode ?? 'US',
    type: fields.type ?? 'LOCAL',
    capability: fields.capability ?? ['SMS', 'VOICE'],
    money: fields.money ?? { currencyCode: 'USD', amount: '1.00' },
    paymentIntervalMonths: 1,
    nextChargeDate: fields.nextChargeDate,
    expireAt: null,
    callbackUrl: fields.callbackUrl ?? '',
    smsConfiguration: { servicePlanId: '', campaignId: '', scheduled: null, ...fields.sms },
    voiceConfiguration: {
      type: 'RTC',
      appId: '',
      trunkId: '',
      serviceId: '',
      lastUpdatedTime: null,
      scheduled: null,
      ...fields.voice,
    },
  };
}
