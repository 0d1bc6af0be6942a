import type { Resolvers } from '../../../generated/graphql.js';
import { toProvisioningState } from '../../../upstream/numbers/toProvisioningState.js';
import { emptyToNull } from './emptyToNull.js';
import { knownEnumValue, VOICE_APPLICATION_TYPES } from './knownEnumValue.js';

/**
 * `VoiceConfiguration` and `VoiceProvisioningStatus`. Sinch sends all three identifiers, the
 * unused ones as `""`: they become null. A missing type is RTC, the API's default; a scheduled
 * change to a type newer than the schema is hidden rather than failing the number.
 */
export const voiceConfigurationResolvers: Pick<Resolvers, 'VoiceConfiguration' | 'VoiceProvisioningStatus'> = {
  VoiceConfiguration: {
    type: (voice) => knownEnumValue(VOICE_APPLICATION_TYPES, voice.type) ?? 'RTC',
    appId: (voice) => emptyToNull(voice.appId),
    trunkId: (voice) => emptyToNull(voice.trunkId),
    serviceId: (voice) => emptyToNull(voice.serviceId),
    lastUpdatedTime: (voice) => emptyToNull(voice.lastUpdatedTime),
    scheduledProvisioning: (voice) => {
      const scheduled = voice.scheduledVoiceProvisioning;
      return scheduled && (!scheduled.type || knownEnumValue(VOICE_APPLICATION_TYPES, scheduled.type)) ? scheduled : null;
    },
  },
  VoiceProvisioningStatus: {
    type: (scheduled) => knownEnumValue(VOICE_APPLICATION_TYPES, scheduled.type) ?? 'RTC',
    status: (scheduled) => toProvisioningState(scheduled.status),
    rawStatus: (scheduled) => scheduled.status ?? '',
    appId: (scheduled) => emptyToNull(scheduled.appId),
    trunkId: (scheduled) => emptyToNull(scheduled.trunkId),
    serviceId: (scheduled) => emptyToNull(scheduled.serviceId),
    lastUpdatedTime: (scheduled) => emptyToNull(scheduled.lastUpdatedTime),
  },
};
