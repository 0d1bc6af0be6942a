import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { Resolvers } from '../../../generated/graphql.js';
import { emptyToNull } from './emptyToNull.js';

/** Sinch's documented rule for the secret (CallbackConfigurationUpdate.hmacSecret). */
const HMAC_SECRET_PATTERN = /^[a-zA-Z0-9-]{32,64}$/;

/**
 * The callback configuration. The HMAC secret is write-only in this schema: only whether one is
 * set is readable. Error messages never repeat the secret either.
 */
export const callbackConfigurationResolvers: Pick<Resolvers, 'CallbackConfiguration' | 'Query' | 'Mutation'> = {
  Query: {
    callbackConfiguration: (_parent, _args, { numbers, scope }) => numbers.client.getCallbackConfiguration(scope),
  },
  Mutation: {
    updateCallbackConfiguration: (_parent, { hmacSecret }, { numbers, scope }) => {
      if (!HMAC_SECRET_PATTERN.test(hmacSecret)) {
        throw new InvalidInputError('hmacSecret', 'hmacSecret must be 32 to 64 characters: letters, digits and dashes only.');
      }
      return numbers.client.updateCallbackConfiguration(scope, hmacSecret);
    },
  },
  CallbackConfiguration: {
    projectId: (configuration) => emptyToNull(configuration.projectId),
    hmacSecretConfigured: (configuration) => (configuration.hmacSecret ?? '') !== '',
  },
};
