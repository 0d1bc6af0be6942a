import type { ProvisioningEventResolvers } from '../../../generated/graphql.js';
import { describeProvisioningError } from '../../../upstream/numbers/describeProvisioningError.js';

/** `ProvisioningEvent`: the failure code becomes the typed `ProvisioningError` member of the catalogue. */
export const provisioningEventResolvers: ProvisioningEventResolvers = {
  error: (event) => (event.status === 'FAILED' && event.failureCode !== null ? describeProvisioningError(event.failureCode) : null),
};
