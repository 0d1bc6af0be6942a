import type { ActiveNumber, ListActiveNumbersResponse } from '../numbersWireTypes.js';
import { isDateTimeText } from '../../isoDateTime.js';
import { InPlaceReader } from './InPlaceReader.js';
import type { WireFault } from './InPlaceReader.js';

/**
 * Hand-written readers for the hot shapes (an active number, a page of them: list, get, patch,
 * release and rent), with exactly the semantics of the zod schemas they replace
 * (tolerantFields.ts): a missing phone number or a list that is not a list fails the call; an
 * optional field of the wrong type is dropped; a non-string item of an enum list is dropped.
 *
 * zod rebuilt every object of a 100-number page, which was a quarter of the gateway's CPU. These
 * readers instead fix the freshly parsed body in place (the gateway owns it: nothing else holds
 * the object `JSON.parse` returned) and allocate nothing when it is valid. They `delete` a field
 * only when it is wrong. Unknown keys are kept, unlike zod's stripping: resolvers read named
 * fields only, so an extra key can not reach a client.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keepString(object: Json, key: string): void {
  const value = object[key];
  if (value !== undefined && typeof value !== 'string') delete object[key];
}

/** `Number.isFinite`: zod's `z.number()` refuses the Infinity that JSON.parse makes of `1e400`. */
function keepNumber(object: Json, key: string): void {
  const value = object[key];
  if (value !== undefined && !Number.isFinite(value)) delete object[key];
}

/** `null` is the API's "unset" and `""` proto3's; both are kept, like a real date-time. */
function keepTimestamp(object: Json, key: string): void {
  const value = object[key];
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || (value !== '' && !isDateTimeText(value))) delete object[key];
}

/** A non-list is dropped; a list is copied only when it holds a non-string item to drop. */
function keepStringList(object: Json, key: string): void {
  const value = object[key];
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    delete object[key];
    return;
  }
  for (const item of value) {
    if (typeof item !== 'string') {
      object[key] = value.filter((candidate) => typeof candidate === 'string');
      return;
    }
  }
}

/** The object under `key` when it is one; anything else but `null` (when allowed) is dropped. */
function childObject(object: Json, key: string, keepNull: boolean): Json | undefined {
  const value = object[key];
  if (value === undefined || (keepNull && value === null)) return undefined;
  if (isObject(value)) return value;
  delete object[key];
  return undefined;
}

function fixVoiceIdentifiers(voice: Json): void {
  keepString(voice, 'type');
  keepString(voice, 'appId');
  keepString(voice, 'trunkId');
  keepString(voice, 'serviceId');
  keepTimestamp(voice, 'lastUpdatedTime');
}

function fixSmsConfiguration(sms: Json): void {
  keepString(sms, 'servicePlanId');
  keepString(sms, 'campaignId');
  const scheduled = childObject(sms, 'scheduledProvisioning', true);
  if (scheduled === undefined) return;
  keepString(scheduled, 'servicePlanId');
  keepString(scheduled, 'campaignId');
  keepString(scheduled, 'status');
  keepTimestamp(scheduled, 'lastUpdatedTime');
  keepStringList(scheduled, 'errorCodes');
}

function fixVoiceConfiguration(voice: Json): void {
  fixVoiceIdentifiers(voice);
  const scheduled = childObject(voice, 'scheduledVoiceProvisioning', true);
  if (scheduled === undefined) return;
  fixVoiceIdentifiers(scheduled);
  keepString(scheduled, 'status');
}

function activeNumberFault(value: unknown): WireFault | undefined {
  if (!isObject(value)) return { path: '', problem: 'expected an object' };
  const phoneNumber = value['phoneNumber'];
  if (typeof phoneNumber !== 'string' || phoneNumber === '') return { path: 'phoneNumber', problem: 'expected a non-empty string' };
  keepString(value, 'projectId');
  keepString(value, 'displayName');
  keepString(value, 'regionCode');
  keepString(value, 'type');
  keepStringList(value, 'capability');
  const money = childObject(value, 'money', false);
  if (money !== undefined) {
    keepString(money, 'currencyCode');
    keepString(money, 'amount');
  }
  keepNumber(value, 'paymentIntervalMonths');
  keepTimestamp(value, 'nextChargeDate');
  keepTimestamp(value, 'expireAt');
  const sms = childObject(value, 'smsConfiguration', true);
  if (sms !== undefined) fixSmsConfiguration(sms);
  const voice = childObject(value, 'voiceConfiguration', true);
  if (voice !== undefined) fixVoiceConfiguration(voice);
  keepString(value, 'callbackUrl');
  return undefined;
}

/** Absent or `null` is an empty page (proto3 leaves empty lists out); anything else must be a list of numbers. */
function activeNumbersPageFault(value: unknown): WireFault | undefined {
  if (!isObject(value)) return { path: '', problem: 'expected an object' };
  const numbers = value['activeNumbers'];
  if (numbers === null) {
    delete value['activeNumbers'];
  } else if (numbers !== undefined) {
    if (!Array.isArray(numbers)) return { path: 'activeNumbers', problem: 'expected a list' };
    for (let index = 0; index < numbers.length; index += 1) {
      const fault = activeNumberFault(numbers[index]);
      if (fault !== undefined) return { path: fault.path === '' ? `activeNumbers.${index}` : `activeNumbers.${index}.${fault.path}`, problem: fault.problem };
    }
  }
  keepString(value, 'nextPageToken');
  keepNumber(value, 'totalSize');
  return undefined;
}

export const ACTIVE_NUMBER_READER = new InPlaceReader<ActiveNumber>(activeNumberFault);
export const ACTIVE_NUMBERS_PAGE_READER = new InPlaceReader<ListActiveNumbersResponse>(activeNumbersPageFault);
