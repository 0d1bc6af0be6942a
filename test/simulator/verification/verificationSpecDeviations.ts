import type { SpecPatch } from '../../support/openApiValidator.js';

export const VERIFICATION_SPEC_PATH = new URL('../../../schema/openapi/sinch-verification-v1.openapi.yaml', import.meta.url).pathname;

const ALL_OF_CLOSED =
  'additionalProperties: false next to allOf/oneOf is unsatisfiable in JSON Schema: every property of a sibling allOf member counts as "additional", ' +
  "so even Sinch's own fixtures (fixtures/java/verification/**) fail it. Read as the spec means it: the union of the members' properties.";

/** Response schemas that combine `additionalProperties: false` with allOf/oneOf (spec 2.0.1). */
const CLOSED_COMPOSED_SCHEMAS = [
  'VerificationStartResponseBase',
  'VerificationReportResponseBase',
  'VerificationReportResponseFlashCall',
  'VerificationReportResponsePhoneCall',
  'VerificationReportResponseSms',
  'VerificationReportResponseWhatsApp',
  'VerificationReportResponse',
  'VerificationStatusResponseBase',
  'VerificationStatusResponseSms',
  'VerificationStatusResponseFlashCall',
  'VerificationStatusResponsePhoneCall',
  'VerificationStatusResponseWhatsApp',
];

/** Where the Verification spec cannot be applied literally; each patch says why. */
export const VERIFICATION_SPEC_DEVIATIONS: readonly SpecPatch[] = CLOSED_COMPOSED_SCHEMAS.map((name) => ({
  pointer: `/components/schemas/${name}`,
  merge: { additionalProperties: undefined },
  reason: ALL_OF_CLOSED,
}));
