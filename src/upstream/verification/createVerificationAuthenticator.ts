import type { SinchConfig } from '../../config.js';
import type { RequestAuthenticator } from '../http/RequestAuthenticator.js';

/** Placeholder until the Verification domain lands: the application-signed request scheme. */
export function createVerificationAuthenticator(_sinch: SinchConfig): RequestAuthenticator | undefined {
  return undefined;
}
