/** OpenAPI `EmergencyAddress`; unset parts are `""` like every proto3 string. */
export interface EmergencyAddress {
  streetNumber: string;
  streetInfo: string;
  location: string;
  city: string;
  state: string;
  postalCode: string;
  postalCodePlusFour: string;
}

export const EMERGENCY_ADDRESS_FIELDS = ['streetNumber', 'streetInfo', 'location', 'city', 'state', 'postalCode', 'postalCodePlusFour'] as const;

export const REQUIRED_EMERGENCY_ADDRESS_FIELDS = ['streetNumber', 'streetInfo', 'city', 'state', 'postalCode'] as const;

export function emptyEmergencyAddress(): EmergencyAddress {
  return { streetNumber: '', streetInfo: '', location: '', city: '', state: '', postalCode: '', postalCodePlusFour: '' };
}

/** What `:provision` stored for a number. */
export interface EmergencyAddressRecord {
  displayName: string;
  address: EmergencyAddress;
}
