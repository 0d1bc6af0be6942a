import type { StartVerificationInput, VerificationCodeType } from '../../../generated/graphql.js';
import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import { ID_PATTERNS } from '../../../upstream/http/pathSegment.js';
import type { CodeTypeWire, VerificationStartRequestWire } from '../../../upstream/verification/verificationWire.js';
import { CODE_TYPE_WIRE, START_METHOD_WIRE } from './verificationEnums.js';

export interface StartVerificationRequest {
  body: VerificationStartRequestWire;
  acceptLanguage: string | undefined;
}

const OPTION_FIELDS = { SMS: 'sms', FLASH_CALL: 'flashCall', PHONE_CALL: 'phoneCall', WHATSAPP: 'whatsApp' } as const;
const EXPIRY_PATTERN = /^[0-9]{2}:[0-5][0-9]:[0-5][0-9]$/;
/** A language tag (`sv`, `sv-SE`, `zh-Hant-TW`); it goes into a header, so nothing else passes. */
const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,3}$/;
const MAX_CUSTOM_LENGTH = 4096;

/**
 * Turns `startVerification`'s input into the Sinch start request (REFERENCE §5.3). Everything
 * Sinch would reject for its shape is rejected here first, with the argument's name, so a
 * typo costs no upstream call (and no money).
 */
export function toStartVerificationRequest(input: StartVerificationInput): StartVerificationRequest {
  if (input.method === 'UNKNOWN') {
    throw new InvalidInputError('input.method', 'input.method must be SMS, FLASH_CALL, PHONE_CALL, SEAMLESS or WHATSAPP.');
  }
  for (const [method, field] of Object.entries(OPTION_FIELDS)) {
    if (method !== input.method && input[field] != null) {
      throw new InvalidInputError(`input.${field}`, `input.${field} applies to method ${method} only, not ${input.method}.`);
    }
  }
  if (input.reference != null && !ID_PATTERNS.verificationReference.test(input.reference)) {
    throw new InvalidInputError('input.reference', 'input.reference must be 1 to 128 letters, digits or . _ ~ - (it is used in URL paths).');
  }
  if (input.custom != null && input.custom.length > MAX_CUSTOM_LENGTH) {
    throw new InvalidInputError('input.custom', `input.custom must be at most ${MAX_CUSTOM_LENGTH} characters.`);
  }
  const base = {
    identity: { type: 'number' as const, endpoint: input.phoneNumber },
    ...(input.reference != null && { reference: input.reference }),
    ...(input.custom != null && { custom: input.custom }),
  };

  switch (input.method) {
    case 'SMS': {
      const sms = input.sms ?? {};
      if (sms.expiry != null && !EXPIRY_PATTERN.test(sms.expiry)) {
        throw new InvalidInputError('input.sms.expiry', 'input.sms.expiry must be a duration as HH:MM:SS, such as 00:10:00.');
      }
      const smsOptions = {
        ...(sms.codeType != null && { codeType: codeType(sms.codeType, 'input.sms.codeType') }),
        ...(sms.expiry != null && { expiry: sms.expiry }),
      };
      return {
        body: { ...base, method: START_METHOD_WIRE.SMS, ...(Object.keys(smsOptions).length > 0 && { smsOptions }) },
        acceptLanguage: sms.locale == null ? undefined : languageTag(sms.locale, 'input.sms.locale'),
      };
    }
    case 'FLASH_CALL': {
      const flashCall = input.flashCall ?? {};
      const flashCallOptions = {
        ...(flashCall.dialTimeoutSeconds != null && { dialTimeout: seconds(flashCall.dialTimeoutSeconds, 'input.flashCall.dialTimeoutSeconds') }),
        ...(flashCall.interceptionTimeoutSeconds != null && {
          interceptionTimeout: seconds(flashCall.interceptionTimeoutSeconds, 'input.flashCall.interceptionTimeoutSeconds'),
        }),
      };
      return {
        body: { ...base, method: START_METHOD_WIRE.FLASH_CALL, ...(Object.keys(flashCallOptions).length > 0 && { flashCallOptions }) },
        acceptLanguage: undefined,
      };
    }
    case 'PHONE_CALL': {
      const locale = input.phoneCall?.speechLocale;
      return {
        body: {
          ...base,
          method: START_METHOD_WIRE.PHONE_CALL,
          ...(locale != null && { calloutOptions: { speech: { locale: languageTag(locale, 'input.phoneCall.speechLocale') } } }),
        },
        acceptLanguage: undefined,
      };
    }
    case 'SEAMLESS':
      return { body: { ...base, method: START_METHOD_WIRE.SEAMLESS }, acceptLanguage: undefined };
    case 'WHATSAPP': {
      const type = input.whatsApp?.codeType;
      return {
        body: {
          ...base,
          method: START_METHOD_WIRE.WHATSAPP,
          ...(type != null && { whatsappOptions: { codeType: codeType(type, 'input.whatsApp.codeType') } }),
        },
        acceptLanguage: undefined,
      };
    }
  }
}

function codeType(value: VerificationCodeType, argumentName: string): CodeTypeWire {
  if (value === 'UNKNOWN') {
    throw new InvalidInputError(argumentName, `${argumentName} must be NUMERIC, ALPHA or ALPHANUMERIC.`);
  }
  return CODE_TYPE_WIRE[value];
}

function seconds(value: number, argumentName: string): number {
  if (value < 5 || value > 120) {
    throw new InvalidInputError(argumentName, `${argumentName} must be between 5 and 120 seconds.`);
  }
  return value;
}

function languageTag(value: string, argumentName: string): string {
  if (!LANGUAGE_TAG_PATTERN.test(value)) {
    throw new InvalidInputError(argumentName, `${argumentName} must be a language tag such as en-US.`);
  }
  return value;
}
