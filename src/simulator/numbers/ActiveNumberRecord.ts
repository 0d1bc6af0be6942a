import type { NumberCapability, NumberType, ProvisioningStatus, VoiceApplicationType } from './numbersEnums.js';

export interface Money {
  currencyCode: string;
  amount: string;
}

/** A pending or failed SMS provisioning job; it is what the API shows as `scheduledProvisioning`. */
export interface ScheduledSmsProvisioning {
  servicePlanId: string;
  campaignId: string;
  status: ProvisioningStatus;
  lastUpdatedTime: string;
  errorCodes: string[];
}

/** A pending voice provisioning job (`scheduledVoiceProvisioning`); voice jobs never fail. */
export interface ScheduledVoiceProvisioning {
  type: VoiceApplicationType;
  appId: string;
  trunkId: string;
  serviceId: string;
  status: ProvisioningStatus;
  lastUpdatedTime: string;
}

export interface SmsConfigurationRecord {
  /** Values in effect; a job's values only move here when it succeeds. */
  servicePlanId: string;
  campaignId: string;
  scheduled: ScheduledSmsProvisioning | null;
}

export interface VoiceConfigurationRecord {
  type: VoiceApplicationType;
  appId: string;
  trunkId: string;
  serviceId: string;
  lastUpdatedTime: string | null;
  scheduled: ScheduledVoiceProvisioning | null;
}

/**
 * An active number as the simulator stores it. Unset strings are `''` and unset timestamps
 * `null` already here, because that is how the real API (proto3 JSON) renders them.
 */
export interface ActiveNumberRecord {
  phoneNumber: string;
  projectId: string;
  displayName: string;
  regionCode: string;
  type: NumberType;
  capability: NumberCapability[];
  money: Money;
  paymentIntervalMonths: number;
  nextChargeDate: string;
  expireAt: string | null;
  callbackUrl: string;
  smsConfiguration: SmsConfigurationRecord;
  voiceConfiguration: VoiceConfigurationRecord;
}
