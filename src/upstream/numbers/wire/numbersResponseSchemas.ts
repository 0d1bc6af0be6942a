import type { z } from 'zod';
import type {
  AvailableNumber,
  CallbackConfiguration,
  EmergencyAddress,
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
import { ACTIVE_NUMBER_READER, ACTIVE_NUMBERS_PAGE_READER } from './activeNumberReaders.js';

/**
 * What every 2xx body of the Numbers API must look like (the spec's schemas in
 * src/generated/openapi/numbers.ts, read tolerantly: see tolerantFields.ts). Enum fields are read
 * as any string: the resolvers interpret them, and keep a value newer than the schema as
 * UNSPECIFIED plus its raw text. That is also why each schema is cast to its wire type: the
 * wire types name the spec's enum values, the schemas accept newer ones.
 */

const money = optional(tolerantObject({ currencyCode: optionalString, amount: optionalString }));

/** The API sends all three identifiers of a voice destination, the unused ones as `""`. */
const voiceIdentifiers = { type: optionalString, appId: optionalString, trunkId: optionalString, serviceId: optionalString };

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

/**
 * The active-number shapes are read by hand (activeNumberReaders.ts): they are on every hot path,
 * where zod's rebuilding of each object cost a quarter of the gateway's CPU.
 */
export const NUMBERS_RESPONSES = {
  activeNumber: ACTIVE_NUMBER_READER,
  activeNumbersPage: ACTIVE_NUMBERS_PAGE_READER,
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
