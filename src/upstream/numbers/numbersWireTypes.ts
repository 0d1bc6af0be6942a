import type { components } from '../../generated/openapi/numbers.js';

/**
 * The Numbers API's JSON, as the gateway receives and sends it. Built from the vendor's OpenAPI
 * types (src/generated/openapi/numbers.ts), loosened where the real API differs from the spec:
 * it answers proto3-style (unset strings as `""`, unset timestamps and finished jobs as `null`,
 * all three voice identifiers present), and it may send enum values newer than the spec, so
 * statuses and error codes are plain strings here and are interpreted in one place each.
 */
type Schemas = components['schemas'];

export type NumberType = Schemas['NumberType'];
export type NumberCapability = Schemas['NumberCapability'];
export type SearchPattern = Schemas['NumberPatternSearchPattern'];
export type VoiceApplicationType = Schemas['VoiceApplicationType'];
export type KnownSmsErrorCode = Schemas['SmsErrorCode'];
export type Money = Schemas['money'];

/** `smsConfiguration.scheduledProvisioning`: an SMS provisioning request in flight or failed. */
export interface ScheduledProvisioning {
  servicePlanId?: string;
  campaignId?: string;
  /** `Schemas['ProvisioningStatus']`, or a status newer than the spec. */
  status?: Schemas['ProvisioningStatus'] | (string & {});
  lastUpdatedTime?: string | null;
  /** `Schemas['SmsErrorCode']` values, or codes newer than the spec. */
  errorCodes?: Array<KnownSmsErrorCode | (string & {})>;
}

export interface SmsConfiguration {
  servicePlanId?: string;
  campaignId?: string;
  scheduledProvisioning?: ScheduledProvisioning | null;
}

/** The three identifiers of a voice destination; the API sends all of them, unused ones as `""`. */
type VoiceIdentifiers = Partial<Schemas['VoiceAppId'] & Schemas['VoiceTrunkId'] & Schemas['VoiceServiceId']>;

/** `voiceConfiguration.scheduledVoiceProvisioning`: a voice change in flight. */
export type ScheduledVoiceProvisioning = VoiceIdentifiers & {
  type?: VoiceApplicationType | (string & {});
  status?: Schemas['ProvisioningStatus'] | (string & {});
  lastUpdatedTime?: string | null;
};

/**
 * The spec's `VoiceConfiguration` is a oneOf discriminated by `type`; on the wire it is one flat
 * object carrying all three identifiers, so it is typed flat.
 */
export type VoiceConfiguration = VoiceIdentifiers & {
  type?: VoiceApplicationType | (string & {});
  lastUpdatedTime?: string | null;
  scheduledVoiceProvisioning?: ScheduledVoiceProvisioning | null;
};

/** `ActiveNumberResponse`: a number the project rents. */
export type ActiveNumber = Omit<Schemas['ActiveNumberResponse'], 'expireAt' | 'nextChargeDate' | 'smsConfiguration' | 'voiceConfiguration'> & {
  nextChargeDate?: string | null;
  expireAt?: string | null;
  smsConfiguration?: SmsConfiguration | null;
  voiceConfiguration?: VoiceConfiguration | null;
};

export type ListActiveNumbersResponse = Omit<Schemas['ListActiveNumbersResponse'], 'activeNumbers'> & {
  activeNumbers?: ActiveNumber[];
};

export type AvailableNumber = Schemas['AvailableNumber'];
export type ListAvailableNumbersResponse = Schemas['ListAvailableNumbersResponse'];
export type AvailableRegion = Schemas['AvailableRegion'];
export type ListAvailableRegionsResponse = Schemas['ListAvailableRegionsResponse'];
export type CallbackConfiguration = Schemas['CallbackConfiguration'];

/** The SMS part of a PATCH, rent or rentAny body. */
export type SmsConfigurationRequest = Schemas['smsConfigurationBase'];

/** The voice part of a PATCH, rent or rentAny body: the identifier that matches `type`. */
export type VoiceConfigurationRequest =
  | { type: 'RTC'; appId: string }
  | { type: 'EST'; trunkId: string }
  | { type: 'FAX'; serviceId: string };

/** What a PATCH, rent or rentAny body may configure (`ActiveNumberRequest`, `RentNumberRequest`). */
export interface NumberConfigurationRequest {
  smsConfiguration?: SmsConfigurationRequest;
  voiceConfiguration?: VoiceConfigurationRequest;
  callbackUrl?: string;
}

export type ActiveNumberRequest = NumberConfigurationRequest & Pick<Schemas['ActiveNumberRequest'], 'displayName'>;
export type RentNumberRequest = NumberConfigurationRequest;
export type RentAnyNumberRequest = NumberConfigurationRequest &
  Pick<Schemas['RentAnyNumberRequest'], 'regionCode' | 'type' | 'numberPattern' | 'capabilities'>;

export interface NumberPattern {
  pattern: string;
  searchPattern?: SearchPattern;
}

/** The query of `GET /activeNumbers`; one page of it. */
export interface ListActiveNumbersQuery {
  regionCode?: string;
  type?: NumberType;
  capabilities?: NumberCapability[];
  pattern?: NumberPattern;
  orderBy?: 'phoneNumber' | 'displayName';
  pageSize?: number;
  pageToken?: string;
}

/** The query of `GET /availableNumbers`. */
export interface ListAvailableNumbersQuery {
  regionCode: string;
  type: NumberType;
  capabilities?: NumberCapability[];
  pattern?: NumberPattern;
  size?: number;
}

/** `NumberOrder`. `state` stays open: Sinch may add states, which the gateway reads in one place. */
export type NumberOrder = Omit<Schemas['NumberOrder'], 'state' | 'voiceConfiguration'> & {
  state?: Schemas['NumberOrderState'] | (string & {});
  voiceConfiguration?: (VoiceIdentifiers & { type?: VoiceApplicationType | (string & {}) }) | null;
};
export type OrderNumber = Schemas['OrderNumber'];
export type NumberOrderRegistration = Schemas['Registration'];
export type NumberOrderAttachment = Schemas['Attachment'];
export type NumberOrderRegistrationLog = Schemas['RegistrationLog'];
export type NumberRequirements = Schemas['NumberRequirements'];
export type RequiredAttachment = Schemas['RequiredAttachment'];
export type LookupNumberRequirementsRequest = Schemas['LookupNumberRequirementsRequest'];

/** `CreateNumberOrderRequest`: exactly one of the two options. */
export type CreateNumberOrderRequest = Omit<Schemas['CreateNumberOrderRequestBase'], 'voiceConfiguration'> & {
  voiceConfiguration?: VoiceConfigurationRequest;
} & ({ numberOrderOption: Schemas['CreateNumberOrderOption'] } | { quantityOrderOption: Schemas['CreateQuantityOrderOption'] });

export type EmergencyAddress = Schemas['EmergencyAddress'];
export type EmergencyAddressRequest = Schemas['EmergencyAddressRequest'];
/** `ValidateAddressResponse`; `validationResult` stays open for results newer than the spec. */
export type ValidateAddressResponse = Omit<Schemas['ValidateAddressResponse'], 'validationResult'> & {
  validationResult?: Schemas['AddressValidationResultCode'] | (string & {});
};
export type NumberOrderSmsConfiguration = Schemas['OrderSmsConfiguration'];
export type NumberOrderVoiceConfiguration = NonNullable<NumberOrder['voiceConfiguration']>;
