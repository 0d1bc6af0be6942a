import type { SpecPatch } from '../support/openApiValidator.js';

export const NUMBERS_SPEC_PATH = 'schema/openapi/sinch-numbers-v1.openapi.yaml';

/**
 * Where the Numbers OpenAPI document (1.0.3) disagrees with what the API actually returns.
 * The API renders proto3 JSON: unset timestamps and finished jobs come back as `null`
 * (SDK contract fixture `active-numbers-list-light.json`, S9 mock rentAny answer), but the
 * spec declares these fields non-nullable. docs/simulator.md lists the same deviations.
 */
export const NUMBERS_SPEC_DEVIATIONS: readonly SpecPatch[] = [
  {
    pointer: '/components/schemas/ActiveNumberResponse/properties/expireAt',
    merge: { nullable: true },
    reason: 'expireAt is null until the number is released (S9 rentAny answer: "expireAt": null)',
  },
  {
    pointer: '/components/schemas/VoiceConfigurationCommon/properties/lastUpdatedTime',
    merge: { nullable: true },
    reason: 'voice lastUpdatedTime is null until voice was first provisioned (list-light fixture)',
  },
  {
    pointer: '/components/schemas/smsConfiguration/allOf/1/properties/scheduledProvisioning',
    merge: { nullable: true },
    reason: 'scheduledProvisioning is null once provisioning succeeded (list-light fixture)',
  },
  {
    pointer: '/components/schemas/VoiceConfigurationCommon/properties/scheduledVoiceProvisioning',
    merge: { nullable: true },
    reason: 'scheduledVoiceProvisioning is null once voice provisioning finished (list-light fixture)',
  },
];
