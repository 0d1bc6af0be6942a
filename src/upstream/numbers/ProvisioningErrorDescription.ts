/** One provisioning error code of one number, explained: the value of a `ProvisioningError` member. */
export interface ProvisioningErrorDescription {
  /** The member of the GraphQL union `ProvisioningError`. */
  typeName: string;
  /** The code as seed 000 spells it; for unknown codes, the code Sinch sent. */
  code: string;
  /** The code exactly as Sinch sent it. */
  upstreamCode: string;
  description: string;
  suggestedAction: string;
  resubmittable: boolean;
}
