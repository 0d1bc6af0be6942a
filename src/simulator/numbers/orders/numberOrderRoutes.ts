import { ulid } from 'ulid';
import type { SimulatorReply } from '../../core/SimulatorRequest.js';
import { checkCapabilities } from '../applyActiveNumberChanges.js';
import { AVAILABLE_NUMBER_CATALOG, AVAILABLE_REGIONS, type AvailableNumberRecord } from '../availableNumberCatalog.js';
import { invalidArgument, invalidEnumValue, notFound, unimplemented } from '../numbersErrors.js';
import type { NumbersModule } from '../NumbersModule.js';
import { isOneOf, NUMBER_TYPES } from '../numbersEnums.js';
import { matchesNumberPattern } from '../parseNumberQuery.js';
import { isJsonObject, parseJsonObjectBody, rejectUnknownFields, type Parsed } from '../parseRequestBody.js';
import { isNumberReserved, type NumberOrderRecord } from './NumberOrderRecord.js';
import type { NumberOrderEngine } from './NumberOrderEngine.js';
import { numberRequirements } from './numberRequirements.js';
import { parseCreateNumberOrder, type NumberSelection } from './parseCreateNumberOrder.js';
import { toNumberOrderWire, toRegistrationWire } from './toNumberOrderWire.js';

/** Orders reserve their numbers for 48 hours, the upper end of the documented 30 min – 48 h. */
const RESERVATION_MS = 48 * 60 * 60 * 1000;

/** Number orders (REFERENCE §4.2 `/numberOrders...`): requirements, create, get, registration, submit. */
export function registerNumberOrderRoutes(numbers: NumbersModule, engine: NumberOrderEngine): void {
  const orders = () => numbers.state.numberOrders;
  const withOrder = (numberOrderId: string | undefined, handle: (order: NumberOrderRecord) => SimulatorReply): SimulatorReply => {
    const order = orders().get(numberOrderId ?? '');
    return order === undefined ? notFound('NumberOrder', numberOrderId ?? '') : handle(order);
  };

  numbers.route('POST', '/numberOrders:lookupNumberRequirements', (request) => {
    const body = parseJsonObjectBody(request);
    if (!body.ok) return body.reply;
    const unknown = rejectUnknownFields(body.value, ['regionCode', 'numberType']);
    if (unknown !== undefined) return unknown;
    const { regionCode, numberType } = body.value;
    if (typeof regionCode !== 'string' || !AVAILABLE_REGIONS.some((region) => region.regionCode === regionCode.toUpperCase())) {
      const description = 'regionCode must be a region the project can order numbers in (see availableRegions)';
      return invalidArgument(description, [{ field: 'regionCode', description }]);
    }
    if (!isOneOf(NUMBER_TYPES, numberType)) return invalidEnumValue('numberType', numberType);
    return { status: 200, body: numberRequirements(regionCode.toUpperCase(), numberType) };
  });

  numbers.route('POST', '/numberOrders:createNumberOrder', (request) => {
    const body = parseJsonObjectBody(request);
    if (!body.ok) return body.reply;
    const input = parseCreateNumberOrder(body.value);
    if (!input.ok) return input.reply;
    const { regionCode, numberType, changes, selection } = input.value;
    const chosen = chooseNumbers(regionCode, numberType, selection, (candidate) =>
      !numbers.state.activeNumbers.has(candidate.phoneNumber) && !isNumberReserved(orders().values(), candidate.phoneNumber),
    );
    if (!chosen.ok) return chosen.reply;
    for (const candidate of chosen.value) {
      const incapable = checkCapabilities(candidate.capability, changes);
      if (incapable !== undefined) return incapable;
    }
    const now = new Date();
    const order: NumberOrderRecord = {
      projectId: numbers.context.state.projectId,
      idNumberOrder: ulid().toLowerCase(),
      regionCode,
      state: 'CREATED',
      numberType,
      orderNumbers: chosen.value.map((candidate) => ({
        phoneNumber: candidate.phoneNumber,
        numberPrice: { setupPrice: { ...candidate.setupPrice }, monthlyPrice: { ...candidate.monthlyPrice }, paymentIntervalMonths: candidate.paymentIntervalMonths },
        capabilities: [...candidate.capability],
      })),
      smsConfiguration: changes.sms ?? null,
      voiceConfiguration: changes.voice ?? null,
      callbackUrl: changes.callbackUrl ?? '',
      expireTime: new Date(now.getTime() + RESERVATION_MS).toISOString(),
      createTime: now.toISOString(),
      updateTime: now.toISOString(),
      registrationRequired: chosen.value.some((candidate) => candidate.supportingDocumentationRequired),
      registration: { requestDetails: {}, logs: [] },
    };
    orders().set(order.idNumberOrder, order);
    return { status: 200, body: toNumberOrderWire(order) };
  });

  numbers.route('GET', '/numberOrders/{numberOrderId}', ({ params }) =>
    withOrder(params['numberOrderId'], (order) => ({ status: 200, body: toNumberOrderWire(order) })),
  );

  numbers.route('GET', '/numberOrders/{numberOrderId}/registration', ({ params }) =>
    withOrder(params['numberOrderId'], (order) => ({ status: 200, body: toRegistrationWire(order) })),
  );

  numbers.route('PUT', '/numberOrders/{numberOrderId}/registration', (request) =>
    withOrder(request.params['numberOrderId'], (order) => {
      const body = parseJsonObjectBody(request);
      if (!body.ok) return body.reply;
      const unknown = rejectUnknownFields(body.value, ['requestDetails']);
      if (unknown !== undefined) return unknown;
      const requestDetails = body.value['requestDetails'];
      if (!isJsonObject(requestDetails)) {
        const description = 'requestDetails must be a JSON object';
        return invalidArgument(description, [{ field: 'requestDetails', description }]);
      }
      if (order.state !== 'CREATED' && order.state !== 'BLOCKED') return wrongState(order, 'updated');
      order.registration.requestDetails = structuredClone(requestDetails);
      order.updateTime = new Date().toISOString();
      return { status: 200, body: toRegistrationWire(order) };
    }),
  );

  numbers.route('POST', '/numberOrders/{numberOrderId}/submit', ({ params }) =>
    withOrder(params['numberOrderId'], (order) => {
      if (order.state !== 'CREATED' && order.state !== 'BLOCKED') return wrongState(order, 'submitted');
      if (order.registrationRequired && Object.keys(order.registration.requestDetails).length === 0) {
        const description = 'These numbers need registration details: PUT .../registration before submitting (see lookupNumberRequirements)';
        return invalidArgument(description, [{ field: 'registration', description }]);
      }
      engine.submit(order);
      return { status: 200, body: toNumberOrderWire(order) };
    }),
  );

  // Multipart uploads are not simulated; a clear 501 beats a silent 404 (docs/simulator.md).
  numbers.route('POST', '/numberOrders/{numberOrderId}/attachments/{attachmentId}', ({ params }) =>
    withOrder(params['numberOrderId'], () => unimplemented('Attachment upload is not simulated; the order can be submitted without attachments')),
  );
}

function wrongState(order: NumberOrderRecord, action: string): SimulatorReply {
  const description = `number order ${order.idNumberOrder} is ${order.state}; it can only be ${action} while CREATED or BLOCKED`;
  return invalidArgument(description, [{ field: 'state', description }]);
}

function chooseNumbers(
  regionCode: string,
  numberType: string,
  selection: NumberSelection,
  isFree: (candidate: AvailableNumberRecord) => boolean,
): Parsed<AvailableNumberRecord[]> {
  if (selection.kind === 'numbers') {
    const [phoneNumber = ''] = selection.phoneNumbers;
    const found = AVAILABLE_NUMBER_CATALOG.find((candidate) => candidate.phoneNumber === phoneNumber && isFree(candidate));
    if (found === undefined) return { ok: false, reply: notFound('AvailableNumber', phoneNumber) };
    if (found.regionCode !== regionCode || found.type !== numberType) {
      const description = `${phoneNumber} is not a ${regionCode} ${numberType} number`;
      return { ok: false, reply: invalidArgument(description, [{ field: 'numberOrderOption.phoneNumbers', description }]) };
    }
    return { ok: true, value: [found] };
  }
  const matches = AVAILABLE_NUMBER_CATALOG.filter(
    (candidate) =>
      isFree(candidate) &&
      candidate.regionCode === regionCode &&
      candidate.type === numberType &&
      selection.capabilities.every((capability) => candidate.capability.includes(capability)) &&
      matchesNumberPattern(candidate.phoneNumber, selection.pattern),
  );
  if (matches.length < selection.requestedQuantity) {
    const description = `only ${matches.length} available ${regionCode} ${numberType} numbers match the criteria`;
    return { ok: false, reply: invalidArgument(description, [{ field: 'quantityOrderOption.requestedQuantity', description }]) };
  }
  return { ok: true, value: matches.slice(0, selection.requestedQuantity) };
}
