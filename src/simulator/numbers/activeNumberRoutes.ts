import { applyActiveNumberChanges, checkCapabilities } from './applyActiveNumberChanges.js';
import { listActiveNumbers } from './listActiveNumbers.js';
import { notFound } from './numbersErrors.js';
import type { NumbersModule } from './NumbersModule.js';
import { parseActiveNumberChanges } from './parseActiveNumberChanges.js';
import { parsePhoneNumberParameter } from './parsePhoneNumberParameter.js';
import { parseJsonObjectBody } from './parseRequestBody.js';
import { toActiveNumberWire } from './toActiveNumberWire.js';
import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import type { ActiveNumberRecord } from './ActiveNumberRecord.js';

const UPDATE_FIELDS = ['displayName', 'smsConfiguration', 'voiceConfiguration', 'callbackUrl'] as const;

/** List, get, update and release of active numbers (REFERENCE §4.2). */
export function registerActiveNumberRoutes(numbers: NumbersModule): void {
  numbers.route('GET', '/activeNumbers', (request) => {
    const page = listActiveNumbers(numbers.state.activeNumbers.values(), request.query);
    if (!page.ok) return page.reply;
    return {
      status: 200,
      body: {
        activeNumbers: page.value.activeNumbers.map(toActiveNumberWire),
        nextPageToken: page.value.nextPageToken,
        totalSize: page.value.totalSize,
      },
    };
  });

  numbers.route('GET', '/activeNumbers/{phoneNumber}', (request) =>
    withActiveNumber(numbers, request, (record) => ({ status: 200, body: toActiveNumberWire(record) })),
  );

  numbers.route('PATCH', '/activeNumbers/{phoneNumber}', (request) =>
    withActiveNumber(numbers, request, (record) => {
      const body = parseJsonObjectBody(request);
      if (!body.ok) return body.reply;
      const changes = parseActiveNumberChanges(body.value, UPDATE_FIELDS);
      if (!changes.ok) return changes.reply;
      const incapable = checkCapabilities(record.capability, changes.value);
      if (incapable !== undefined) return incapable;
      applyActiveNumberChanges(record, changes.value, numbers.engine);
      return { status: 200, body: toActiveNumberWire(record) };
    }),
  );

  numbers.route('POST', '/activeNumbers/{phoneNumber}:release', (request) =>
    withActiveNumber(numbers, request, (record) => {
      // The subscription ends at the next charge date; until then the number stays listed.
      record.expireAt ??= record.nextChargeDate;
      return { status: 200, body: toActiveNumberWire(record) };
    }),
  );
}

function withActiveNumber(
  numbers: NumbersModule,
  request: SimulatorRequest,
  handle: (record: ActiveNumberRecord) => SimulatorReply,
): SimulatorReply {
  const phoneNumber = parsePhoneNumberParameter(request);
  if (!phoneNumber.ok) return phoneNumber.reply;
  const record = numbers.state.activeNumbers.get(phoneNumber.value);
  return record === undefined ? notFound('ActiveNumber', phoneNumber.value) : handle(record);
}
