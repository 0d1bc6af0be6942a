import type { Resolvers } from '../../../generated/graphql.js';
import { emptyToNull } from './emptyToNull.js';
import { knownEnumValue, knownEnumValues, NUMBER_CAPABILITIES, NUMBER_TYPES } from './knownEnumValue.js';
import { toMoney } from './toMoney.js';

/** `AvailableNumber` and `Region`, over the wire objects of the catalogue endpoints. */
export const catalogTypeResolvers: Pick<Resolvers, 'AvailableNumber' | 'Region'> = {
  AvailableNumber: {
    regionCode: (number) => emptyToNull(number.regionCode),
    type: (number) => knownEnumValue(NUMBER_TYPES, number.type),
    capabilities: (number) => knownEnumValues(NUMBER_CAPABILITIES, number.capability),
    setupPrice: (number) => toMoney(number.setupPrice),
    monthlyPrice: (number) => toMoney(number.monthlyPrice),
    paymentIntervalMonths: (number) => number.paymentIntervalMonths ?? null,
    supportingDocumentationRequired: (number) => number.supportingDocumentationRequired ?? null,
  },
  Region: {
    regionCode: (region) => region.regionCode ?? '',
    regionName: (region) => emptyToNull(region.regionName),
    types: (region) => knownEnumValues(NUMBER_TYPES, region.types),
  },
};
