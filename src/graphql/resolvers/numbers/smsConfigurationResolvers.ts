import type { Resolvers } from '../../../generated/graphql.js';
import { describeProvisioningError } from '../../../upstream/numbers/describeProvisioningError.js';
import { isResubmittable } from '../../../upstream/numbers/isResubmittable.js';
import { toProvisioningState } from '../../../upstream/numbers/toProvisioningState.js';
import { emptyToNull } from './emptyToNull.js';

/** `SmsConfiguration` and its `ProvisioningStatus` (seed 000), over the wire objects. */
export const smsConfigurationResolvers: Pick<Resolvers, 'SmsConfiguration' | 'ProvisioningStatus'> = {
  SmsConfiguration: {
    servicePlanId: (sms) => emptyToNull(sms.servicePlanId),
    campaignId: (sms) => emptyToNull(sms.campaignId),
    scheduledProvisioning: (sms) => sms.scheduledProvisioning ?? null,
  },
  ProvisioningStatus: {
    status: (scheduled) => toProvisioningState(scheduled.status),
    rawStatus: (scheduled) => scheduled.status ?? '',
    servicePlanId: (scheduled) => emptyToNull(scheduled.servicePlanId),
    campaignId: (scheduled) => emptyToNull(scheduled.campaignId),
    lastUpdatedTime: (scheduled) => emptyToNull(scheduled.lastUpdatedTime),
    errors: (scheduled) => (scheduled.errorCodes ?? []).map(describeProvisioningError),
    resubmittable: (scheduled) => isResubmittable(scheduled),
  },
};
