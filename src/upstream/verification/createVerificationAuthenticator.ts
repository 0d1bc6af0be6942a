import type { SinchConfig } from '../../config.js';
import type { RequestAuthenticator } from '../http/RequestAuthenticator.js';
import { signVerificationRequest } from './signVerificationRequest.js';

/**
 * The application-signed request scheme of the Verification API, or `undefined` when no
 * application key and secret are configured (the Verification client then refuses every
 * operation before calling Sinch).
 *
 * It deliberately has no `shouldReplay`: a signed request is never replayed on a 401, so a
 * verification report (a one-time code) is sent exactly once.
 */
export function createVerificationAuthenticator(
  sinch: SinchConfig,
  now: () => Date = () => new Date(),
): RequestAuthenticator | undefined {
  const { applicationKey, applicationSecret } = sinch;
  if (applicationKey === undefined || applicationSecret === undefined) {
    return undefined;
  }
  return {
    async headersFor(request) {
      const signed = signVerificationRequest({
        applicationKey,
        applicationSecret,
        method: request.method,
        path: request.path,
        contentType: request.contentType,
        body: request.body,
        timestamp: now().toISOString(),
      });
      return { ...signed };
    },
  };
}
