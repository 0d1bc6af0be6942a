import { invalidArgument, invalidEnumValue } from './numbersErrors.js';
import { isOneOf, NUMBER_CAPABILITIES, NUMBER_TYPES, type NumberCapability, type NumberType } from './numbersEnums.js';
import { readNumberPattern, type NumberPattern } from './parseNumberQuery.js';
import { isJsonObject, type JsonObject, type Parsed } from './parseRequestBody.js';

export interface RentAnyCriteria {
  regionCode: string;
  type: NumberType;
  capabilities: NumberCapability[];
  pattern: NumberPattern | undefined;
}

/** The search half of a rentAny body: `regionCode` and `type` are required. */
export function parseRentAnyCriteria(body: JsonObject): Parsed<RentAnyCriteria> {
  const regionCode = body['regionCode'];
  if (typeof regionCode !== 'string' || regionCode === '') {
    const description = 'regionCode is required';
    return { ok: false, reply: invalidArgument(description, [{ field: 'regionCode', description }]) };
  }
  const type = body['type'];
  if (!isOneOf(NUMBER_TYPES, type)) {
    if (type === undefined) {
      const description = 'type is required';
      return { ok: false, reply: invalidArgument(description, [{ field: 'type', description }]) };
    }
    return { ok: false, reply: invalidEnumValue('type', type) };
  }
  const capabilities = body['capabilities'] ?? [];
  if (!Array.isArray(capabilities)) return { ok: false, reply: invalidEnumValue('capabilities', capabilities) };
  const invalid = capabilities.find((capability) => !isOneOf(NUMBER_CAPABILITIES, capability));
  if (invalid !== undefined) return { ok: false, reply: invalidEnumValue('capabilities', invalid) };
  const numberPattern = body['numberPattern'] ?? {};
  if (!isJsonObject(numberPattern)) return { ok: false, reply: invalidEnumValue('numberPattern', numberPattern) };
  const pattern = readNumberPattern(numberPattern['pattern'], numberPattern['searchPattern'], 'numberPattern.');
  if (!pattern.ok) return pattern;
  return { ok: true, value: { regionCode: regionCode.toUpperCase(), type, capabilities: capabilities as NumberCapability[], pattern: pattern.value } };
}
