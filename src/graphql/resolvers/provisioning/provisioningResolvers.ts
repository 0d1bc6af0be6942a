import type { Resolvers } from '../../../generated/graphql.js';
import { emergencyAddressResolvers } from './emergencyAddressResolvers.js';
import { JSONObjectScalar } from './jsonObjectScalar.js';
import { numberOrderMutations, numberOrderQueries } from './numberOrderQueries.js';
import { numberOrderTypeResolvers } from './numberOrderTypeResolvers.js';
import { provisioningEventResolvers } from './provisioningEventResolvers.js';
import { failedProvisioningNumberResolvers, provisioningReport } from './provisioningReportResolvers.js';
import { provisioningSubscriptions } from './provisioningSubscriptions.js';
import { resubmissionOutcomeResolvers, resubmitFailedProvisioning } from './resubmitFailedProvisioning.js';

/** Resolvers of schema/provisioning.graphql, assembled. */
export const provisioningResolvers: Resolvers = {
  JSONObject: JSONObjectScalar,
  Subscription: provisioningSubscriptions,
  Query: { provisioningReport, ...numberOrderQueries, ...emergencyAddressResolvers.Query },
  Mutation: { resubmitFailedProvisioning, ...numberOrderMutations, ...emergencyAddressResolvers.Mutation },
  ProvisioningEvent: provisioningEventResolvers,
  ResubmissionOutcome: resubmissionOutcomeResolvers,
  FailedProvisioningNumber: failedProvisioningNumberResolvers,
  EmergencyAddress: emergencyAddressResolvers.EmergencyAddress,
  EmergencyAddressValidation: emergencyAddressResolvers.EmergencyAddressValidation,
  ...numberOrderTypeResolvers,
};
