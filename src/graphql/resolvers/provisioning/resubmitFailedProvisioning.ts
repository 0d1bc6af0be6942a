import type { MutationResolvers, ResubmissionOutcomeResolvers } from '../../../generated/graphql.js';
import { primeActiveNumber } from '../../../upstream/numbers/primeActiveNumber.js';
import { requireProvisioning } from './requireProvisioning.js';

/**
 * Bulk resubmission (docs/provisioning.md, "Bulk resubmission"). Each resubmitted number is
 * published as a MUTATION event (WAITING), so subscribers of that number hear of it at once.
 */
export const resubmitFailedProvisioning: NonNullable<MutationResolvers['resubmitFailedProvisioning']> = (_parent, { filter, dryRun }, context) => {
  const lifecycle = requireProvisioning(context);
  const { numbers, scope } = context;
  return lifecycle.bulkResubmission.run({
    client: numbers.client,
    scope,
    filter: filter ?? {},
    dryRun: dryRun ?? false,
    logger: context.logger,
    onResubmitted: (number) => {
      primeActiveNumber(numbers.loaders, number);
      lifecycle.numberChanged(scope.projectId, number);
    },
  });
};

export const resubmissionOutcomeResolvers: ResubmissionOutcomeResolvers = {
  errorCode: (outcome) => outcome.errorCode,
};
