import { emptyEmergencyAddress, type EmergencyAddress } from './EmergencyAddressRecord.js';

export type AddressValidationResult = 'EXACT_MATCH' | 'NEAR_MATCH' | 'NO_MATCH';

export interface AddressValidation {
  validationResult: AddressValidationResult;
  validationMessage: string;
  /** The address to store; all `""` unless NEAR_MATCH. */
  correctedAddress: EmergencyAddress;
  /** Only for NO_MATCH. */
  candidateAddresses: EmergencyAddress[];
}

/**
 * The simulator's whole street directory: the SDK fixture's Atlanta address and the spec
 * examples' Springfield ones. Validation is deterministic (docs/simulator.md):
 * 1. a postal code that is not 5 digits, or is 00000 → NO_MATCH without candidates;
 * 2. a postal code of the directory → EXACT_MATCH if street number, street, city and state
 *    equal an entry's; NEAR_MATCH (corrected to the entry) if they equal it after
 *    normalising case and abbreviations (Road → Rd, North East → NE, …); else NO_MATCH with
 *    that postal code's entries as candidates;
 * 3. any other postal code → EXACT_MATCH (the directory knows no streets there).
 */
export const KNOWN_EMERGENCY_ADDRESSES: readonly EmergencyAddress[] = [
  { streetNumber: '3500', streetInfo: 'Lenox Rd NE', location: 'a location', city: 'Atlanta', state: 'GA', postalCode: '30326', postalCodePlusFour: '4228' },
  { streetNumber: '12345', streetInfo: 'Main St', location: 'Apt 5', city: 'Springfield', state: 'IL', postalCode: '62701', postalCodePlusFour: '1234' },
  { streetNumber: '67890', streetInfo: 'Elm St', location: 'Apt 10', city: 'Springfield', state: 'IL', postalCode: '62702', postalCodePlusFour: '5678' },
  { streetNumber: '54321', streetInfo: 'Oak St', location: 'Apt 20', city: 'Springfield', state: 'IL', postalCode: '62703', postalCodePlusFour: '9876' },
];

/** Messages as the SDK fixtures show them (`validate-address-response*.json`) and the spec example for EXACT_MATCH. */
const MESSAGES: Record<AddressValidationResult, string> = {
  EXACT_MATCH: 'Address is a perfect match',
  NEAR_MATCH: 'Corrected to valid address|Corrected address abbreviations',
  NO_MATCH: 'Invalid address - no correction found|Changed address component|Corrected address abbreviations|Address is Invalid',
};

const ABBREVIATIONS: Record<string, string> = {
  road: 'rd', street: 'st', avenue: 'ave', boulevard: 'blvd', drive: 'dr', lane: 'ln', court: 'ct', place: 'pl',
  northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw', north: 'n', south: 's', east: 'e', west: 'w',
};

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

const COMPARED = ['streetNumber', 'streetInfo', 'city', 'state'] as const;

export function validateEmergencyAddress(address: EmergencyAddress): AddressValidation {
  const result = (validationResult: AddressValidationResult, correctedAddress = emptyEmergencyAddress(), candidateAddresses: EmergencyAddress[] = []) => ({
    validationResult,
    validationMessage: MESSAGES[validationResult],
    correctedAddress: { ...correctedAddress },
    candidateAddresses: candidateAddresses.map((candidate) => ({ ...candidate })),
  });
  const postalCode = address.postalCode.trim();
  if (!/^\d{5}$/.test(postalCode) || postalCode === '00000') return result('NO_MATCH');
  const local = KNOWN_EMERGENCY_ADDRESSES.filter((known) => known.postalCode === postalCode);
  if (local.length === 0) return result('EXACT_MATCH');
  if (local.some((known) => COMPARED.every((field) => known[field] === address[field].trim()))) return result('EXACT_MATCH');
  const near = local.find((known) => COMPARED.every((field) => normalise(known[field]) === normalise(address[field])));
  if (near !== undefined) return result('NEAR_MATCH', near);
  return result('NO_MATCH', emptyEmergencyAddress(), local);
}
