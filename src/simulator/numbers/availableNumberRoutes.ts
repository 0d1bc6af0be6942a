import type { SimulatorReply } from '../core/SimulatorRequest.js';
import { applyActiveNumberChanges, checkCapabilities } from './applyActiveNumberChanges.js';
import { AVAILABLE_NUMBER_CATALOG, AVAILABLE_REGIONS, type AvailableNumberRecord } from './availableNumberCatalog.js';
import { createActiveNumberRecord } from './createActiveNumberRecord.js';
import { codeAndText, invalidArgument, notFound, type FieldViolation } from './numbersErrors.js';
import type { NumbersModule } from './NumbersModule.js';
import { NUMBER_CAPABILITIES, NUMBER_TYPES, type NumberCapability } from './numbersEnums.js';
import { parseActiveNumberChanges, type ActiveNumberChanges } from './parseActiveNumberChanges.js';
import { matchesNumberPattern, readEnumList, readNumberPattern, readOptionalEnum, readOptionalInteger } from './parseNumberQuery.js';
import { parsePhoneNumberParameter } from './parsePhoneNumberParameter.js';
import { parseJsonObjectBody } from './parseRequestBody.js';
import { parseRentAnyCriteria } from './parseRentAnyCriteria.js';
import { isNumberReserved } from './orders/NumberOrderRecord.js';
import { toActiveNumberWire } from './toActiveNumberWire.js';

export const DEFAULT_AVAILABLE_NUMBERS_SIZE = 10;
const RENT_FIELDS = ['smsConfiguration', 'voiceConfiguration', 'callbackUrl'] as const;

/** Search, check, rent and rentAny of available numbers (REFERENCE §4.2). */
export function registerAvailableNumberRoutes(numbers: NumbersModule): void {
  // Numbers reserved by an open number order are not available either.
  const isAvailable = (candidate: AvailableNumberRecord) =>
    !numbers.state.activeNumbers.has(candidate.phoneNumber) && !isNumberReserved(numbers.state.numberOrders.values(), candidate.phoneNumber);
  const findAvailable = (phoneNumber: string) =>
    AVAILABLE_NUMBER_CATALOG.find((candidate) => candidate.phoneNumber === phoneNumber && isAvailable(candidate));

  numbers.route('GET', '/availableNumbers', ({ query }) => {
    const missing: FieldViolation[] = ['regionCode', 'type']
      .filter((key) => (query.get(key) ?? '') === '')
      .map((field) => ({ field, description: `${field} is required` }));
    if (missing.length > 0) return invalidArgument(missing.map((violation) => violation.description).join('; '), missing);
    const type = readOptionalEnum(query, 'type', NUMBER_TYPES);
    if (!type.ok) return type.reply;
    const capabilities = readEnumList(query, 'capabilities', NUMBER_CAPABILITIES);
    if (!capabilities.ok) return capabilities.reply;
    const size = readOptionalInteger(query, 'size');
    if (!size.ok) return size.reply;
    const pattern = readNumberPattern(query.get('numberPattern.pattern') ?? undefined, query.get('numberPattern.searchPattern') ?? undefined, 'numberPattern.');
    if (!pattern.ok) return pattern.reply;
    const regionCode = (query.get('regionCode') ?? '').toUpperCase();
    const found = AVAILABLE_NUMBER_CATALOG.filter(
      (candidate) =>
        isAvailable(candidate) &&
        candidate.regionCode === regionCode &&
        candidate.type === type.value &&
        capabilities.value.every((capability) => candidate.capability.includes(capability)) &&
        matchesNumberPattern(candidate.phoneNumber, pattern.value),
    ).slice(0, size.value || DEFAULT_AVAILABLE_NUMBERS_SIZE);
    return { status: 200, body: { availableNumbers: found.map(toAvailableNumberWire) } };
  });

  numbers.route('GET', '/availableNumbers/{phoneNumber}', (request) => {
    const phoneNumber = parsePhoneNumberParameter(request);
    if (!phoneNumber.ok) return phoneNumber.reply;
    const found = findAvailable(phoneNumber.value);
    return found === undefined ? notFound('AvailableNumber', phoneNumber.value) : { status: 200, body: toAvailableNumberWire(found) };
  });

  numbers.route('POST', '/availableNumbers/{phoneNumber}:rent', (request) => {
    const phoneNumber = parsePhoneNumberParameter(request);
    if (!phoneNumber.ok) return phoneNumber.reply;
    const found = findAvailable(phoneNumber.value);
    if (found === undefined) return notFound('AvailableNumber', phoneNumber.value);
    if (found.regionCode !== 'US' || found.type !== 'LOCAL') return onlyUsLocal('phoneNumber');
    const body = parseJsonObjectBody(request);
    if (!body.ok) return body.reply;
    const changes = parseActiveNumberChanges(body.value, RENT_FIELDS);
    if (!changes.ok) return changes.reply;
    return rent(numbers, found, changes.value);
  });

  numbers.route('POST', '/availableNumbers:rentAny', (request) => {
    const body = parseJsonObjectBody(request);
    if (!body.ok) return body.reply;
    const criteria = parseRentAnyCriteria(body.value);
    if (!criteria.ok) return criteria.reply;
    const { regionCode, type, capabilities, pattern } = criteria.value;
    // Seed 001, 403 illegal_number_type: a type the region does not offer at all (availableRegions).
    const region = AVAILABLE_REGIONS.find((candidate) => candidate.regionCode === regionCode);
    if (region !== undefined && !region.types.includes(type)) return codeAndText('illegal_number_type');
    if (regionCode !== 'US') return onlyUsLocal('regionCode');
    if (type !== 'LOCAL') return onlyUsLocal('type');
    const changes = parseActiveNumberChanges(body.value, [...RENT_FIELDS, 'regionCode', 'type', 'capabilities', 'numberPattern']);
    if (!changes.ok) return changes.reply;
    const needed = new Set<NumberCapability>(capabilities);
    if (changes.value.sms !== undefined) needed.add('SMS');
    if (changes.value.voice !== undefined) needed.add('VOICE');
    const found = AVAILABLE_NUMBER_CATALOG.find(
      (candidate) =>
        isAvailable(candidate) &&
        candidate.regionCode === regionCode &&
        candidate.type === type &&
        [...needed].every((capability) => candidate.capability.includes(capability)) &&
        matchesNumberPattern(candidate.phoneNumber, pattern),
    );
    if (found === undefined) return notFound('AvailableNumber', '', 'No available number matches the criteria');
    return rent(numbers, found, changes.value);
  });
}

function rent(numbers: NumbersModule, available: AvailableNumberRecord, changes: ActiveNumberChanges): SimulatorReply {
  const incapable = checkCapabilities(available.capability, changes);
  if (incapable !== undefined) return incapable;
  const nextChargeDate = new Date();
  nextChargeDate.setUTCMonth(nextChargeDate.getUTCMonth() + available.paymentIntervalMonths);
  const record = createActiveNumberRecord({
    phoneNumber: available.phoneNumber,
    projectId: numbers.context.state.projectId,
    regionCode: available.regionCode,
    type: available.type,
    capability: [...available.capability],
    money: { ...available.monthlyPrice },
    nextChargeDate: nextChargeDate.toISOString(),
  });
  numbers.state.activeNumbers.set(record.phoneNumber, record);
  applyActiveNumberChanges(record, changes, numbers.engine);
  return { status: 200, body: toActiveNumberWire(record) };
}

function onlyUsLocal(field: string): SimulatorReply {
  const description = 'This endpoint only supports US LOCAL numbers; use a number order for other regions and types';
  return invalidArgument(description, [{ field, description }]);
}

export function toAvailableNumberWire(record: AvailableNumberRecord): Record<string, unknown> {
  return {
    phoneNumber: record.phoneNumber,
    regionCode: record.regionCode,
    type: record.type,
    capability: [...record.capability],
    setupPrice: { ...record.setupPrice },
    monthlyPrice: { ...record.monthlyPrice },
    paymentIntervalMonths: record.paymentIntervalMonths,
    supportingDocumentationRequired: record.supportingDocumentationRequired,
  };
}
