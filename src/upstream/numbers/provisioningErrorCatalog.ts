/**
 * Every SMS provisioning error code the gateway knows, as data: the GraphQL type it becomes,
 * what it means, what to do, and whether resubmitting can clear it.
 *
 * The nine `seed-000` entries copy the description and suggested action of seed 000
 * (Sinch's Numbers "Error Handling" page, "Provisioning error codes") verbatim; a test compares
 * them with the seed table, kept in test/upstream/numbers/fixtures/. The `gateway` entries are the further codes of the API's `SmsErrorCode`
 * enum, which no Sinch document describes: their texts are the gateway's own reading of the
 * code name, and the SDL says so.
 *
 * `resubmittable` follows the suggested action (docs/schema-numbers.md, "Resubmittable"): true
 * when the customer can clear the error by resubmitting, possibly after waiting or after fixing
 * something on their own side (the campaign in TCR, the service plan, the balance); false when
 * the fix needs Sinch, the operator, or another number.
 */
export interface ProvisioningErrorDefinition {
  /** The member of the GraphQL union `ProvisioningError`. */
  typeName: string;
  /** The code as seed 000 spells it; the public `code`. */
  code: string;
  /** Other spellings the API uses for the same code. */
  aliases: readonly string[];
  description: string;
  suggestedAction: string;
  resubmittable: boolean;
  /** Where the texts come from. */
  source: 'seed-000' | 'gateway';
}

export const PROVISIONING_ERROR_CATALOG: readonly ProvisioningErrorDefinition[] = [
  {
    typeName: 'CampaignNotAvailableError',
    code: 'CAMPAIGN_NOT_AVAILABLE',
    aliases: [],
    description: 'Campaign not available in TCR',
    suggestedAction: 'Verify the campaignId provided. Ensure Sinch has been selected as the Direct Connection Aggregator.',
    resubmittable: true,
    source: 'seed-000',
  },
  {
    typeName: 'TenDlcLimitExceededError',
    code: '10DLC_LIMIT_EXCEEDED',
    // The seed's spelling; the API's SmsErrorCode enum and callbacks spell it this way.
    aliases: ['EXCEEDED_10DLC_LIMIT'],
    description: 'Too many longcodes have been added to the campaign.',
    suggestedAction:
      'MNOs place restrictions on the number of longcodes that can be added to a campaign without approval. If your use case requires more than 50 longcodes on a campaign, please contact Sinch for assistance.',
    resubmittable: false,
    source: 'seed-000',
  },
  {
    typeName: 'NumberProvisioningFailedError',
    code: 'NUMBER_PROVISIONING_FAILED',
    aliases: [],
    description: 'This number could not be provisioned to the campaign.',
    suggestedAction:
      'In rare cases, a number cannot be assigned to a campaign without manual intervention. Please release this number and rent another number, or contact Sinch for assistance.',
    resubmittable: false,
    source: 'seed-000',
  },
  {
    typeName: 'PartnerServiceUnavailableError',
    code: 'PARTNER_SERVICE_UNAVAILABLE',
    aliases: [],
    description: 'We are unable to complete the campaign registration at this time.',
    suggestedAction: 'This error indicates that Sinch will not continue to retry campaign submission. Please resubmit your campaign.',
    resubmittable: true,
    source: 'seed-000',
  },
  {
    typeName: 'CampaignPendingAcceptanceError',
    code: 'CAMPAIGN_PENDING_ACCEPTANCE',
    aliases: [],
    // The seed's footnote marker, with the footnote it points to, both verbatim.
    description: 'Sinch has not yet accepted this campaign.* (*May not apply to all customers)',
    suggestedAction: 'Please wait up to 24 hours for Sinch to accept your campaign and try again. Contact Sinch if additional assistance is needed.',
    resubmittable: true,
    source: 'seed-000',
  },
  {
    typeName: 'MnoSharingError',
    code: 'MNO_SHARING_ERROR',
    aliases: [],
    description: "The campaign and brand's details have not been shared between partners.",
    suggestedAction:
      'Verify that the campaign was submitted to all MNOs. For CSPs, this can be checked in TCR by verifying that the campaign has MNO Metadata for both T-Mobile and AT&T.',
    resubmittable: true,
    source: 'seed-000',
  },
  {
    typeName: 'CampaignProvisioningFailedError',
    code: 'CAMPAIGN_PROVISIONING_FAILED',
    aliases: [],
    description: 'The campaign could not be provisioned.',
    suggestedAction: 'Please contact Sinch for assistance.',
    resubmittable: false,
    source: 'seed-000',
  },
  {
    typeName: 'SmsProvisioningFailedError',
    code: 'SMS_PROVISIONING_FAILED',
    aliases: [],
    description: 'The number could not be added to the specified SMS Serviceplan.',
    suggestedAction: 'Please select a different serviceplan or contact Sinch for assistance.',
    resubmittable: true,
    source: 'seed-000',
  },
  {
    typeName: 'InternalProvisioningError',
    code: 'INTERNAL_ERROR',
    aliases: [],
    description: 'Internal error.',
    suggestedAction: 'Contact Sinch Support',
    resubmittable: false,
    source: 'seed-000',
  },
  {
    typeName: 'CampaignExpiredError',
    code: 'CAMPAIGN_EXPIRED',
    aliases: [],
    description: 'The campaign has expired, so numbers can no longer be added to it.',
    suggestedAction: 'Renew the campaign in TCR, or choose an active campaign, then resubmit. Contact Sinch if the campaign should still be active.',
    resubmittable: true,
    source: 'gateway',
  },
  {
    typeName: 'CampaignMnoRejectedError',
    code: 'CAMPAIGN_MNO_REJECTED',
    aliases: [],
    description: 'A mobile network operator rejected the campaign.',
    suggestedAction:
      "Review the operator's rejection reason in TCR, correct and resubmit the campaign there or choose an approved campaign, then resubmit. Contact Sinch for assistance.",
    resubmittable: true,
    source: 'gateway',
  },
  {
    typeName: 'CampaignMnoSuspendedError',
    code: 'CAMPAIGN_MNO_SUSPENDED',
    aliases: [],
    description: 'A mobile network operator suspended the campaign.',
    suggestedAction: 'Contact Sinch for assistance: a suspension must be resolved with the operator before numbers can be added to the campaign.',
    resubmittable: false,
    source: 'gateway',
  },
  {
    typeName: 'CampaignMnoReviewError',
    code: 'CAMPAIGN_MNO_REVIEW',
    aliases: [],
    description: 'The campaign is still under review by a mobile network operator.',
    suggestedAction: 'Wait until the operator has finished reviewing the campaign, then resubmit. Contact Sinch if the review takes unusually long.',
    resubmittable: true,
    source: 'gateway',
  },
  {
    typeName: 'InsufficientBalanceError',
    code: 'INSUFFICIENT_BALANCE',
    aliases: [],
    description: 'The account balance is too low to complete the provisioning.',
    suggestedAction: 'Top up the account balance, then resubmit.',
    resubmittable: true,
    source: 'gateway',
  },
  {
    typeName: 'MockCampaignNotAllowedError',
    code: 'MOCK_CAMPAIGN_NOT_ALLOWED',
    aliases: [],
    description: 'The campaign is a mock (test) campaign, which cannot be linked to this number.',
    suggestedAction: 'Resubmit with the campaignId of a real, approved campaign.',
    resubmittable: true,
    source: 'gateway',
  },
  {
    typeName: 'TollFreeNumberNotAllowedError',
    code: 'TFN_NOT_ALLOWED',
    aliases: [],
    description: 'Toll-free numbers cannot be linked to a 10DLC campaign.',
    suggestedAction: 'Use a local (10DLC) number for this campaign, or remove the campaignId; toll-free numbers are verified for SMS separately. Contact Sinch for assistance.',
    resubmittable: false,
    source: 'gateway',
  },
  {
    typeName: 'InvalidNnidError',
    code: 'INVALID_NNID',
    aliases: [],
    description: "The number's routing identifier (NNID) is not valid for SMS.",
    suggestedAction: 'Contact Sinch for assistance, or release this number and rent another number.',
    resubmittable: false,
    source: 'gateway',
  },
];

/** The union member for codes not in the catalogue (ERROR_CODE_UNSPECIFIED, or newer codes). */
export const UNKNOWN_PROVISIONING_ERROR_TYPE_NAME = 'UnknownProvisioningError';
