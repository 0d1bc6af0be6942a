import { randomUUID } from 'node:crypto';
import type { SimulatorReply } from '../core/SimulatorRequest.js';

/**
 * The Verification error envelope (REFERENCE §5.9, seed 002): `{errorCode, message, reference}`
 * with a NUMERIC errorCode, as the real API and Sinch's own mock send it (the spec says string).
 * The HTTP status is the first three digits of the code.
 */
export function verificationError(errorCode: number, message: string): SimulatorReply {
  return { status: Math.floor(errorCode / 100), body: { errorCode, message, reference: randomUUID() } };
}

export const VERIFICATION_ERRORS = {
  invalidParameter: (message: string) => verificationError(40001, message),
  missingParameter: (message: string) => verificationError(40002, message),
  invalidRequest: (message: string) => verificationError(40003, message),
  /** Seed 002 documents this as 40005 (its sample body says 40002); the heading code is trusted. */
  missingLeadingPlus: () => verificationError(40005, 'Phone number missing leading plus sign'),
  invalidAuthorizationHeader: () => verificationError(40100, 'Invalid authorization header'),
  timestampRequired: () => verificationError(40101, 'X-Timestamp required'),
  invalidSignature: () => verificationError(40102, 'Invalid signature'),
  authorizationRequired: () => verificationError(40104, 'Authorization required'),
  invalidAuthorization: () => verificationError(40107, 'Invalid authorization'),
  seamlessNotAvailable: () => verificationError(40300, 'Seamless verification not available for given destination.'),
  publicAuthorizationNeedsCallback: () => verificationError(40303, 'Callback URL must be set when using public authorization method.'),
  notFound: () => verificationError(40400, 'Requested resource was not found.'),
  referenceAlreadyDefined: () => verificationError(40900, 'Reference already defined'),
} as const;
