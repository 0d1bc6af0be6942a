import type { QueryResolvers } from '../../../generated/graphql.js';
import { REPORT_METHOD_WIRE } from './verificationEnums.js';

/** Status reads go through the per-request loaders: one upstream call per distinct key; 404 is null. */
export const verificationQueryResolvers: Pick<QueryResolvers, 'verification' | 'verificationByReference' | 'verificationByIdentity'> = {
  verification: (_parent, { id }, context) => context.verification.loaders.byId.load(id),
  verificationByReference: (_parent, { reference }, context) => context.verification.loaders.byReference.load(reference),
  verificationByIdentity: (_parent, { method, phoneNumber }, context) =>
    context.verification.loaders.byIdentity.load({ method: REPORT_METHOD_WIRE[method], phoneNumber }),
};
