import type { FailedProvisioningNumberResolvers, QueryResolvers } from '../../../generated/graphql.js';
import { provisioningReport as runProvisioningReport } from '../../../provisioning/ProvisioningReport.js';
import { describeProvisioningError } from '../../../upstream/numbers/describeProvisioningError.js';
import { isResubmittable } from '../../../upstream/numbers/isResubmittable.js';
import { requireProvisioning } from './requireProvisioning.js';

/**
 * The operator's report (docs/provisioning.md, "Which numbers failed, and why"). Rate limited
 * per tenant by `withFieldRateLimits`, priced in the query cost by `measureOperations`.
 */
export const provisioningReport: NonNullable<QueryResolvers['provisioningReport']> = (_parent, { regionCode, type }, context) =>
  runProvisioningReport({
    client: context.numbers.client,
    scope: context.scope,
    regionCode,
    type,
    maxNumbers: requireProvisioning(context).reportMaxNumbers,
  });

export const failedProvisioningNumberResolvers: FailedProvisioningNumberResolvers = {
  phoneNumber: (number) => number.phoneNumber ?? '',
  errors: (number) => (number.smsConfiguration?.scheduledProvisioning?.errorCodes ?? []).map(describeProvisioningError),
  resubmittable: (number) => isResubmittable(number.smsConfiguration?.scheduledProvisioning),
  number: (number) => number,
};
