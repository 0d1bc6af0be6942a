import type { z } from 'zod';
import type {
  ActiveNumber,
  AvailableNumber,
  CallbackConfiguration,
  EmergencyAddress,
  ListActiveNumbersResponse,
  ListAvailableNumbersResponse,
  ListAvailableRegionsResponse,
  NumberOrder,
  NumberOrderRegistration,
  NumberRequirements,
  ValidateAddressResponse,
} from '../numbersWireTypes.js';
import {
  detailList,
  freeFormObject,
  nullable,
  nullableTimestamp,
  optional,
  optionalBoolean,
  optionalNumber,
  optionalString,
  optionalTimestamp,
  requiredString,
  resourceList,
  stringList,
  tolerantObject,
} from './tolerantFields.js';

/**
 * What every 2xx body of the Numbers API must look like (the spec's schemas in
 * src/generated/openapi/numbers.ts, read tolerantly: see tolerantFields.ts). Enum fields are read
 * as any string: the resolvers interpret them, and keep a value newer than the schema as
 * UNSPECIFIED plus its raw text. That is also why each schema is cast to its wire type: the
 * wire types name the spec's enum values, the schemas accept newer ones.
 */

const money = optional(tolerantObject({ currencyCode: optionalString, amount: optionalString }));

const scheduledProvisioning = tolerantObject({
  servicePlanId: optionalString,
  campaignId: optionalString,
  status: optionalString,
  lastUpdatedTime: nullableTimestamp,
  errorCodes: stringList,
});

const smsConfiguration = tolerantObject({
  servicePlanId: optionalString,
  campaignId: optionalString,
  scheduledProvisioning: nullable(scheduledProvisioning),
});

/** The API sends all three identifiers of a voice destination, the unused ones as `""`. */
const voiceIdentifiers = { type: optionalString, appId: optionalString, trunkId: optionalString, serviceId: optionalString };

const voiceConfiguration = tolerantObject({
  ...voiceIdentifiers,
  lastUpdatedTime: nullableTimestamp,
  scheduledVoiceProvisioning: nullable(tolerantObject({ ...voiceIdentifiers, status: optionalString, lastUpdatedTime: nullableTimestamp })),
});

const activeNumber = tolerantObject({
  phoneNumber: requiredString,
  projectId: optionalString,
  displayName: optionalString,
  regionCode: optionalString,
  type: optionalString,
  capability: stringList,
  money,
  paymentIntervalMonths: optionalNumber,
  nextChargeDate: nullableTimestamp,
  expireAt: nullableTimestamp,
  smsConfiguration: nullable(smsConfiguration),
  voiceConfiguration: nullable(voiceConfiguration),
  callbackUrl: optionalString,
});

const availableNumber = tolerantObject({
  phoneNumber: requiredString,
  regionCode: optionalString,
  type: optionalString,
  capability: stringList,
  setupPrice: money,
  monthlyPrice: money,
  paymentIntervalMonths: optionalNumber,
  supportingDocumentationRequired: optionalBoolean,
});

const availableRegion = tolerantObject({ regionCode: requiredString, regionName: optionalString, types: stringList });

const orderNumber = tolerantObject({
  phoneNumber: requiredString,
  numberPrice: optional(tolerantObject({ setupPrice: money, monthlyPrice: money, paymentIntervalMonths: optionalNumber })),
  capabilities: stringList,
});

const numberOrder = tolerantObject({
  idNumberOrder: requiredString,
  projectId: optionalString,
  regionCode: optionalString,
  state: optionalString,
  numberType: optionalString,
  orderNumbers: resourceList(orderNumber),
  smsConfiguration: optional(tolerantObject({ servicePlanId: optionalString, campaignId: optionalString })),
  voiceConfiguration: nullable(tolerantObject(voiceIdentifiers)),
  expireTime: nullableTimestamp,
  createTime: optionalTimestamp,
  updateTime: optionalTimestamp,
});

const registration = tolerantObject({
  requestDetails: freeFormObject,
  attachments: detailList(
    tolerantObject({
      attachmentId: optionalString,
      fileName: optionalString,
      mimeType: optionalString,
      createTime: optionalTimestamp,
      updateTime: optionalTimestamp,
      uploadStatus: optionalString,
      documentType: optionalString,
    }),
  ),
  logs: detailList(tolerantObject({ message: optionalString, createTime: optionalTimestamp })),
});

const numberRequirements = tolerantObject({
  fields: freeFormObject,
  attachments: detailList(
    tolerantObject({
      id: optionalString,
      title: optionalString,
      description: optionalString,
      mandatory: optionalBoolean,
      template: detailList(tolerantObject({ name: optionalString, url: optionalString })),
      allowedMimeTypes: stringList,
      allowedDocumentTypes: stringList,
    }),
  ),
});

const emergencyAddress = tolerantObject({
  streetNumber: optionalString,
  streetInfo: optionalString,
  location: optionalString,
  city: optionalString,
  state: optionalString,
  postalCode: optionalString,
  postalCodePlusFour: optionalString,
});

const validateAddressResponse = tolerantObject({
  phoneNumber: optionalString,
  displayName: optionalString,
  validatedAddress: optional(emergencyAddress),
  validationResult: optionalString,
  validationMessage: optionalString,
  correctedAddress: optional(emergencyAddress),
  candidateAddresses: detailList(emergencyAddress),
});

export const NUMBERS_RESPONSES = {
  activeNumber: activeNumber as z.ZodType<ActiveNumber>,
  activeNumbersPage: tolerantObject({
    activeNumbers: resourceList(activeNumber),
    nextPageToken: optionalString,
    totalSize: optionalNumber,
  }) as z.ZodType<ListActiveNumbersResponse>,
  availableNumber: availableNumber as z.ZodType<AvailableNumber>,
  availableNumbers: tolerantObject({ availableNumbers: resourceList(availableNumber) }) as z.ZodType<ListAvailableNumbersResponse>,
  availableRegions: tolerantObject({ availableRegions: resourceList(availableRegion) }) as z.ZodType<ListAvailableRegionsResponse>,
  callbackConfiguration: tolerantObject({ projectId: optionalString, hmacSecret: optionalString }) as z.ZodType<CallbackConfiguration>,
  numberOrder: numberOrder as z.ZodType<NumberOrder>,
  numberOrderRegistration: registration as z.ZodType<NumberOrderRegistration>,
  numberRequirements: numberRequirements as z.ZodType<NumberRequirements>,
  emergencyAddress: emergencyAddress as z.ZodType<EmergencyAddress>,
  validateAddressResponse: validateAddressResponse as z.ZodType<ValidateAddressResponse>,
};
