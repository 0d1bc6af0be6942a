import { codeAndText, invalidArgument, invalidEnumValue } from './numbersErrors.js';
import { isOneOf, VOICE_APPLICATION_TYPES } from './numbersEnums.js';
import { expectString, isJsonObject, rejectUnknownFields, type JsonObject, type Parsed } from './parseRequestBody.js';
import type { VoiceTarget } from './ProvisioningEngine.js';

/** What a PATCH, rent or rentAny body asks to change on an active number. */
export interface ActiveNumberChanges {
  displayName?: string;
  callbackUrl?: string;
  sms?: { servicePlanId: string; campaignId: string };
  voice?: VoiceTarget;
}

/** Campaign ids the simulator treats as unknown to the originator (403 unknown_campaign). */
export const UNKNOWN_CAMPAIGN_PREFIX = 'UNKNOWN_';

const SMS_FIELDS = ['servicePlanId', 'campaignId'] as const;
const VOICE_FIELDS = ['type', 'appId', 'trunkId', 'serviceId'] as const;

/**
 * Validates the configuration part of a request body. Field names in violations use the
 * API's dotted paths (`voiceConfiguration.type`) so that clients can point at the input.
 */
export function parseActiveNumberChanges(body: JsonObject, allowedFields: readonly string[]): Parsed<ActiveNumberChanges> {
  const unknown = rejectUnknownFields(body, allowedFields);
  if (unknown !== undefined) return { ok: false, reply: unknown };
  const changes: ActiveNumberChanges = {};
  for (const key of ['displayName', 'callbackUrl'] as const) {
    const parsed = expectString(body, key);
    if (!parsed.ok) return parsed;
    if (parsed.value !== undefined) changes[key] = parsed.value;
  }
  if (body['smsConfiguration'] !== undefined) {
    const sms = parseSms(body['smsConfiguration']);
    if (!sms.ok) return sms;
    changes.sms = sms.value;
  }
  if (body['voiceConfiguration'] !== undefined) {
    const voice = parseVoice(body['voiceConfiguration']);
    if (!voice.ok) return voice;
    changes.voice = voice.value;
  }
  return { ok: true, value: changes };
}

function emptyConfiguration(field: string): Parsed<never> {
  const description = `${field} must not be empty: pass the values to set, or "" to unlink`;
  return { ok: false, reply: invalidArgument(description, [{ field, description }]) };
}

function parseSms(value: unknown): Parsed<{ servicePlanId: string; campaignId: string }> {
  if (!isJsonObject(value)) return emptyConfiguration('smsConfiguration');
  if (Object.keys(value).length === 0) return emptyConfiguration('smsConfiguration');
  const unknown = rejectUnknownFields(value, SMS_FIELDS, 'smsConfiguration.');
  if (unknown !== undefined) return { ok: false, reply: unknown };
  const servicePlanId = expectString(value, 'servicePlanId', 'smsConfiguration.servicePlanId');
  if (!servicePlanId.ok) return servicePlanId;
  const campaignId = expectString(value, 'campaignId', 'smsConfiguration.campaignId');
  if (!campaignId.ok) return campaignId;
  if (servicePlanId.value === undefined) {
    const description = 'smsConfiguration.servicePlanId is required';
    return { ok: false, reply: invalidArgument(description, [{ field: 'smsConfiguration.servicePlanId', description }]) };
  }
  // Seed 001, 403 unknown_campaign: "The campaign ID doesn't match the specified originator".
  if (campaignId.value?.startsWith(UNKNOWN_CAMPAIGN_PREFIX) === true) return { ok: false, reply: codeAndText('unknown_campaign') };
  return { ok: true, value: { servicePlanId: servicePlanId.value, campaignId: campaignId.value ?? '' } };
}

function parseVoice(value: unknown): Parsed<VoiceTarget> {
  if (!isJsonObject(value) || Object.keys(value).length === 0) return emptyConfiguration('voiceConfiguration');
  const unknown = rejectUnknownFields(value, VOICE_FIELDS, 'voiceConfiguration.');
  if (unknown !== undefined) return { ok: false, reply: unknown };
  const type = value['type'] ?? 'RTC';
  if (!isOneOf(VOICE_APPLICATION_TYPES, type)) return { ok: false, reply: invalidEnumValue('voiceConfiguration.type', type) };
  const identifiers = { RTC: 'appId', EST: 'trunkId', FAX: 'serviceId' } as const;
  const key = identifiers[type];
  const identifier = expectString(value, key, `voiceConfiguration.${key}`);
  if (!identifier.ok) return identifier;
  // Only the identifier matching the type is kept; the API shows the others as "".
  const target: VoiceTarget = { type, appId: '', trunkId: '', serviceId: '' };
  target[key] = identifier.value ?? '';
  return { ok: true, value: target };
}
