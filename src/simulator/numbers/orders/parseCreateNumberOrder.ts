import { invalidArgument, invalidEnumValue } from '../numbersErrors.js';
import { isOneOf, NUMBER_CAPABILITIES, NUMBER_TYPES, type NumberCapability, type NumberType } from '../numbersEnums.js';
import { parseActiveNumberChanges, type ActiveNumberChanges } from '../parseActiveNumberChanges.js';
import { readNumberPattern, type NumberPattern } from '../parseNumberQuery.js';
import { isJsonObject, rejectUnknownFields, type JsonObject, type Parsed } from '../parseRequestBody.js';

export type NumberSelection =
  | { kind: 'numbers'; phoneNumbers: string[] }
  | { kind: 'quantity'; requestedQuantity: number; pattern: NumberPattern | undefined; capabilities: NumberCapability[] };

export interface CreateNumberOrderInput {
  regionCode: string;
  numberType: NumberType;
  changes: ActiveNumberChanges;
  selection: NumberSelection;
}

const FIELDS = ['regionCode', 'numberType', 'smsConfiguration', 'voiceConfiguration', 'callbackUrl', 'numberOrderOption', 'quantityOrderOption'];

function violation(field: string, description: string): Parsed<never> {
  return { ok: false, reply: invalidArgument(description, [{ field, description }]) };
}

/** Validates a `CreateNumberOrderRequest`: exactly one of `numberOrderOption` / `quantityOrderOption`. */
export function parseCreateNumberOrder(body: JsonObject): Parsed<CreateNumberOrderInput> {
  const unknown = rejectUnknownFields(body, FIELDS);
  if (unknown !== undefined) return { ok: false, reply: unknown };
  const regionCode = body['regionCode'];
  if (typeof regionCode !== 'string' || regionCode === '') return violation('regionCode', 'regionCode is required');
  const numberType = body['numberType'];
  if (numberType === undefined) return violation('numberType', 'numberType is required');
  if (!isOneOf(NUMBER_TYPES, numberType)) return { ok: false, reply: invalidEnumValue('numberType', numberType) };
  const changes = parseActiveNumberChanges(body, FIELDS);
  if (!changes.ok) return changes;
  const selection = parseSelection(body['numberOrderOption'], body['quantityOrderOption']);
  if (!selection.ok) return selection;
  return { ok: true, value: { regionCode: regionCode.toUpperCase(), numberType, changes: changes.value, selection: selection.value } };
}

function parseSelection(numberOption: unknown, quantityOption: unknown): Parsed<NumberSelection> {
  if ((numberOption === undefined) === (quantityOption === undefined)) {
    return violation('numberOrderOption', 'set exactly one of numberOrderOption and quantityOrderOption');
  }
  if (numberOption !== undefined) {
    if (!isJsonObject(numberOption)) return violation('numberOrderOption', 'numberOrderOption must be an object');
    const unknown = rejectUnknownFields(numberOption, ['phoneNumbers'], 'numberOrderOption.');
    if (unknown !== undefined) return { ok: false, reply: unknown };
    const phoneNumbers = numberOption['phoneNumbers'];
    if (!Array.isArray(phoneNumbers) || phoneNumbers.length !== 1 || typeof phoneNumbers[0] !== 'string') {
      return violation('numberOrderOption.phoneNumbers', 'phoneNumbers must contain exactly one phone number');
    }
    return { ok: true, value: { kind: 'numbers', phoneNumbers: [phoneNumbers[0]] } };
  }
  if (!isJsonObject(quantityOption)) return violation('quantityOrderOption', 'quantityOrderOption must be an object');
  const unknown = rejectUnknownFields(quantityOption, ['requestedQuantity', 'numberPattern', 'sequential', 'capabilities'], 'quantityOrderOption.');
  if (unknown !== undefined) return { ok: false, reply: unknown };
  const requestedQuantity = quantityOption['requestedQuantity'];
  if (typeof requestedQuantity !== 'number' || !Number.isInteger(requestedQuantity) || requestedQuantity < 1 || requestedQuantity > 100) {
    return violation('quantityOrderOption.requestedQuantity', 'requestedQuantity must be an integer from 1 to 100');
  }
  const sequential = quantityOption['sequential'];
  if (sequential !== undefined && typeof sequential !== 'boolean') return violation('quantityOrderOption.sequential', 'sequential must be a boolean');
  const capabilities = quantityOption['capabilities'] ?? [];
  if (!Array.isArray(capabilities)) return { ok: false, reply: invalidEnumValue('quantityOrderOption.capabilities', capabilities) };
  const invalid = capabilities.find((capability) => !isOneOf(NUMBER_CAPABILITIES, capability));
  if (invalid !== undefined) return { ok: false, reply: invalidEnumValue('quantityOrderOption.capabilities', invalid) };
  const numberPattern = quantityOption['numberPattern'] ?? {};
  if (!isJsonObject(numberPattern)) return { ok: false, reply: invalidEnumValue('quantityOrderOption.numberPattern', numberPattern) };
  const pattern = readNumberPattern(numberPattern['pattern'], numberPattern['searchPattern'], 'quantityOrderOption.numberPattern.');
  if (!pattern.ok) return pattern;
  // The catalog is in phone-number order, so the first matches are sequential where the
  // range allows; `sequential` therefore needs no separate handling.
  return { ok: true, value: { kind: 'quantity', requestedQuantity, pattern: pattern.value, capabilities: capabilities as NumberCapability[] } };
}
