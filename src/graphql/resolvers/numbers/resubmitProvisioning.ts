import { GatewayError } from '../../../errors/GatewayError.js';
import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { MutationResolvers } from '../../../generated/graphql.js';
import { primeActiveNumber } from '../../../upstream/numbers/primeActiveNumber.js';
import { emptyToNull } from './emptyToNull.js';

/**
 * Seed 000's resubmission: PATCH the number's SMS configuration again, by default with the
 * values of the failed request. One GET decides whether there is anything to resubmit, so a
 * number that is provisioned or still provisioning is never disturbed (FAILED_PRECONDITION).
 */
export const resubmitProvisioning: NonNullable<MutationResolvers['resubmitProvisioning']> = async (_parent, { input }, { numbers, scope, provisioning }) => {
  const { phoneNumber } = input;
  const current = await numbers.loaders.activeNumber.load(phoneNumber);
  if (current === null) {
    throw new GatewayError('NOT_FOUND', `${phoneNumber} is not an active number of this project.`, { phoneNumber });
  }
  const failed = current.smsConfiguration?.scheduledProvisioning;
  if (failed?.status !== 'FAILED') {
    const status = failed?.status ?? null;
    const reason = status === null ? 'has no SMS provisioning request' : `has an SMS provisioning request in status ${status}`;
    throw new GatewayError('FAILED_PRECONDITION', `${phoneNumber} ${reason}; only a FAILED request can be resubmitted.`, { phoneNumber, provisioningStatus: status });
  }
  const servicePlanId = input.servicePlanId ?? emptyToNull(failed.servicePlanId);
  if (servicePlanId === null) {
    throw new InvalidInputError('input.servicePlanId', 'The failed request has no servicePlanId: pass one.');
  }
  const campaignId = input.campaignId ?? emptyToNull(failed.campaignId);
  const smsConfiguration = campaignId === null ? { servicePlanId } : { servicePlanId, campaignId };
  const updated = await numbers.client.updateActiveNumber(scope, phoneNumber, { smsConfiguration });
  primeActiveNumber(numbers.loaders, updated);
  // Subscribers of the number hear WAITING now: Sinch never calls back about it (docs/provisioning.md).
  provisioning?.numberChanged(scope.projectId, updated);
  return updated;
};
