import type { NumberResolvers } from '../../../generated/graphql.js';
import { emptyToNull } from './emptyToNull.js';
import { knownEnumValue, knownEnumValues, NUMBER_CAPABILITIES, NUMBER_TYPES, VOICE_APPLICATION_TYPES } from './knownEnumValue.js';
import { toMoney } from './toMoney.js';

/** `Number` over the wire `ActiveNumber`: `""` becomes null, unknown enum values are dropped. */
export const numberTypeResolvers: NumberResolvers = {
  projectId: (number) => emptyToNull(number.projectId),
  displayName: (number) => emptyToNull(number.displayName),
  regionCode: (number) => emptyToNull(number.regionCode),
  type: (number) => knownEnumValue(NUMBER_TYPES, number.type),
  capabilities: (number) => knownEnumValues(NUMBER_CAPABILITIES, number.capability),
  money: (number) => toMoney(number.money),
  paymentIntervalMonths: (number) => number.paymentIntervalMonths ?? null,
  nextChargeDate: (number) => emptyToNull(number.nextChargeDate),
  expireAt: (number) => emptyToNull(number.expireAt),
  callbackUrl: (number) => emptyToNull(number.callbackUrl),
  sms: (number) => number.smsConfiguration ?? null,
  // `VoiceConfiguration.type` is non-null: a voice type newer than the schema hides the object
  // rather than failing the number. A missing type is RTC, the API's default.
  voice: (number) => {
    const voice = number.voiceConfiguration;
    if (!voice) {
      return null;
    }
    return !voice.type || knownEnumValue(VOICE_APPLICATION_TYPES, voice.type) !== null ? voice : null;
  },
};
