import type { EmergencyAddressFields, EmergencyAddressInput, Resolvers } from '../../../generated/graphql.js';
import { isNotFound } from '../../../upstream/numbers/isNotFound.js';
import type { EmergencyAddressRequest } from '../../../upstream/numbers/numbersWireTypes.js';
import { emptyToNull } from '../numbers/emptyToNull.js';
import { knownEnumValue } from '../numbers/knownEnumValue.js';

const VALIDATION_RESULTS = ['EXACT_MATCH', 'NEAR_MATCH', 'NO_MATCH'] as const;

/** Emergency (E911) addresses of active numbers: read, provision, deprovision, validate. */
export const emergencyAddressResolvers: Pick<Resolvers, 'Query' | 'Mutation' | 'EmergencyAddress' | 'EmergencyAddressValidation'> = {
  Query: {
    emergencyAddress: (_parent, { phoneNumber }, { numbers, scope }) =>
      numbers.client.getEmergencyAddress(scope, phoneNumber).catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      }),
  },
  Mutation: {
    provisionEmergencyAddress: (_parent, { input }, { numbers, scope }) => numbers.client.provisionEmergencyAddress(scope, input.phoneNumber, toRequest(input)),
    deprovisionEmergencyAddress: async (_parent, { phoneNumber }, { numbers, scope }) => {
      await numbers.client.deprovisionEmergencyAddress(scope, phoneNumber);
      return true;
    },
    validateEmergencyAddress: (_parent, { input }, { numbers, scope }) => numbers.client.validateEmergencyAddress(scope, input.phoneNumber, toRequest(input)),
  },
  EmergencyAddress: {
    streetNumber: (address) => emptyToNull(address.streetNumber),
    streetInfo: (address) => emptyToNull(address.streetInfo),
    location: (address) => emptyToNull(address.location),
    city: (address) => emptyToNull(address.city),
    state: (address) => emptyToNull(address.state),
    postalCode: (address) => emptyToNull(address.postalCode),
    postalCodePlusFour: (address) => emptyToNull(address.postalCodePlusFour),
  },
  EmergencyAddressValidation: {
    phoneNumber: (validation) => emptyToNull(validation.phoneNumber),
    displayName: (validation) => emptyToNull(validation.displayName),
    result: (validation) => knownEnumValue(VALIDATION_RESULTS, validation.validationResult) ?? 'UNSPECIFIED',
    rawResult: (validation) => validation.validationResult ?? '',
    message: (validation) => emptyToNull(validation.validationMessage),
    validatedAddress: (validation) => validation.validatedAddress ?? null,
    // The API sends an all-empty corrected address unless NEAR_MATCH; that is "none".
    correctedAddress: (validation) => (validation.correctedAddress && Object.values(validation.correctedAddress).some((part) => part !== '') ? validation.correctedAddress : null),
    candidateAddresses: (validation) => validation.candidateAddresses ?? [],
  },
};

/** Optional parts are sent only when given: Sinch refuses unknown fields, and `null` is not a string. */
function toRequest(input: EmergencyAddressInput): EmergencyAddressRequest {
  const { location, postalCodePlusFour, ...required }: EmergencyAddressFields = input.address;
  return {
    displayName: input.displayName,
    address: { ...required, ...(location == null ? {} : { location }), ...(postalCodePlusFour == null ? {} : { postalCodePlusFour }) },
  };
}
