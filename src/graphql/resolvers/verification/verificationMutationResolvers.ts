import type { MutationResolvers } from '../../../generated/graphql.js';
import { toReportVerificationRequest } from './toReportVerificationRequest.js';
import { toStartVerificationRequest } from './toStartVerificationRequest.js';

/**
 * Starts and reports. Nothing here logs its input: a report carries a one-time code. Errors
 * are thrown as they are; src/graphql/formatError.ts turns them into GraphQL errors.
 */
export const verificationMutationResolvers: Pick<MutationResolvers, 'startVerification' | 'reportVerification'> = {
  startVerification: (_parent, { input }, context) => {
    const { body, acceptLanguage } = toStartVerificationRequest(input);
    return context.verification.client.start(body, { acceptLanguage, signal: context.scope.signal });
  },
  reportVerification: (_parent, { input }, context) => {
    const { target, body } = toReportVerificationRequest(input);
    const { client } = context.verification;
    return target.kind === 'id'
      ? client.reportById(target.id, body, context.scope.signal)
      : client.reportByIdentity(target.phoneNumber, body, context.scope.signal);
  },
};
