import type { Resolvers } from '../../generated/graphql.js';
import { DateTimeScalar, PhoneNumberScalar } from './common/scalarResolvers.js';
import { numbersResolvers } from './numbers/numbersResolvers.js';
import { verificationResolvers } from './verification/verificationResolvers.js';
import { sipTrunkingResolvers } from './sipTrunking/sipTrunkingResolvers.js';
import { provisioningResolvers } from './provisioning/provisioningResolvers.js';

/** Every resolver map, one per domain; graphql-tools merges them into one schema. */
export const resolvers: Resolvers[] = [
  { DateTime: DateTimeScalar, PhoneNumber: PhoneNumberScalar },
  numbersResolvers,
  verificationResolvers,
  sipTrunkingResolvers,
  provisioningResolvers,
];
