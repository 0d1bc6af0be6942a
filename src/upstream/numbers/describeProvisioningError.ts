import { PROVISIONING_ERROR_CATALOG, UNKNOWN_PROVISIONING_ERROR_TYPE_NAME } from './provisioningErrorCatalog.js';
import type { ProvisioningErrorDefinition } from './provisioningErrorCatalog.js';
import type { ProvisioningErrorDescription } from './ProvisioningErrorDescription.js';

const BY_CODE = new Map<string, ProvisioningErrorDefinition>(
  PROVISIONING_ERROR_CATALOG.flatMap((definition) => [definition.code, ...definition.aliases].map((code) => [code, definition] as const)),
);

/**
 * Explains one error code of `scheduledProvisioning.errorCodes`. Never throws: a code the
 * catalogue does not know (ERROR_CODE_UNSPECIFIED, or one newer than the gateway) becomes an
 * `UnknownProvisioningError` that keeps the code, so nothing Sinch said is lost.
 */
export function describeProvisioningError(upstreamCode: string): ProvisioningErrorDescription {
  const known = BY_CODE.get(upstreamCode);
  if (known !== undefined) {
    const { typeName, code, description, suggestedAction, resubmittable } = known;
    return { typeName, code, upstreamCode, description, suggestedAction, resubmittable };
  }
  return {
    typeName: UNKNOWN_PROVISIONING_ERROR_TYPE_NAME,
    code: upstreamCode,
    upstreamCode,
    description: `Sinch reported the provisioning error code ${JSON.stringify(upstreamCode)}, which this gateway does not know.`,
    suggestedAction: 'Look the code up in the Sinch Numbers provisioning error documentation, or contact Sinch for assistance.',
    resubmittable: false,
  };
}
