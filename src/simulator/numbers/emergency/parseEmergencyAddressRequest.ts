import { invalidArgument } from '../numbersErrors.js';
import { isJsonObject, rejectUnknownFields, type JsonObject, type Parsed } from '../parseRequestBody.js';
import {
  EMERGENCY_ADDRESS_FIELDS,
  emptyEmergencyAddress,
  REQUIRED_EMERGENCY_ADDRESS_FIELDS,
  type EmergencyAddressRecord,
} from './EmergencyAddressRecord.js';

function violation(field: string, description: string): Parsed<never> {
  return { ok: false, reply: invalidArgument(description, [{ field, description }]) };
}

/** Validates an `EmergencyAddressRequest`: `displayName` and the five required address parts. */
export function parseEmergencyAddressRequest(body: JsonObject): Parsed<EmergencyAddressRecord> {
  const unknown = rejectUnknownFields(body, ['displayName', 'address']);
  if (unknown !== undefined) return { ok: false, reply: unknown };
  const displayName = body['displayName'];
  if (typeof displayName !== 'string' || displayName === '') return violation('displayName', 'displayName is required');
  const input = body['address'];
  if (!isJsonObject(input)) return violation('address', 'address is required');
  const unknownPart = rejectUnknownFields(input, EMERGENCY_ADDRESS_FIELDS, 'address.');
  if (unknownPart !== undefined) return { ok: false, reply: unknownPart };
  const address = emptyEmergencyAddress();
  for (const field of EMERGENCY_ADDRESS_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') return violation(`address.${field}`, `parsing field "address.${field}": expected a string`);
    address[field] = value;
  }
  const missing = REQUIRED_EMERGENCY_ADDRESS_FIELDS.find((field) => address[field].trim() === '');
  if (missing !== undefined) return violation(`address.${missing}`, `address.${missing} is required`);
  return { ok: true, value: { displayName, address } };
}
