import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { InputMaybe, SmsConfigurationInput, VoiceConfigurationInput } from '../../../generated/graphql.js';
import type { NumberConfigurationRequest, VoiceConfigurationRequest } from '../../../upstream/numbers/numbersWireTypes.js';

export interface NumberConfigurationInput {
  sms?: InputMaybe<SmsConfigurationInput>;
  voice?: InputMaybe<VoiceConfigurationInput>;
  callbackUrl?: InputMaybe<string>;
}

/**
 * The configuration part of an update, rent or rentAny body. Null and omitted fields are left
 * out: Sinch treats a field that is present as a change, and an empty configuration object as
 * an error.
 */
export function toNumberConfigurationRequest(input: NumberConfigurationInput, argumentPath: string): NumberConfigurationRequest {
  const request: NumberConfigurationRequest = {};
  if (input.sms != null) {
    const { servicePlanId, campaignId } = input.sms;
    request.smsConfiguration = campaignId == null ? { servicePlanId } : { servicePlanId, campaignId };
  }
  if (input.voice != null) {
    request.voiceConfiguration = toVoiceConfigurationRequest(input.voice, `${argumentPath}.voice`);
  }
  if (input.callbackUrl != null) {
    request.callbackUrl = input.callbackUrl;
  }
  return request;
}

const IDENTIFIER_OF = { RTC: 'appId', EST: 'trunkId', FAX: 'serviceId' } as const;

/** Exactly the identifier that matches the type: Sinch's voice configuration is a oneOf on `type`. */
function toVoiceConfigurationRequest(voice: VoiceConfigurationInput, argumentPath: string): VoiceConfigurationRequest {
  const expected = IDENTIFIER_OF[voice.type];
  const given = (['appId', 'trunkId', 'serviceId'] as const).filter((key) => voice[key] != null);
  if (given.length !== 1 || given[0] !== expected) {
    throw new InvalidInputError(argumentPath, `${argumentPath} of type ${voice.type} takes ${expected}, and only ${expected}.`);
  }
  const identifier = voice[expected] ?? '';
  switch (voice.type) {
    case 'RTC':
      return { type: 'RTC', appId: identifier };
    case 'EST':
      return { type: 'EST', trunkId: identifier };
    case 'FAX':
      return { type: 'FAX', serviceId: identifier };
  }
}
