import { randomUUID } from 'node:crypto';
import type { SimulatorReply } from '../core/SimulatorRequest.js';

/**
 * The Verification error envelope of seed 002: `{status, errorCode, message, reference}`, with a
 * NUMERIC errorCode, as the real API and Sinch's own mock send it (the spec says string). The
 * HTTP status is the first three digits of the code, and `status` is that status followed by the
 * seed's name of the error (`400 ParameterValidation`).
 *
 * The seed's own sample defects are resolved in favour of the heading code: 40005 is sent as
 * 40005 (its sample says 40002), 50300 as 50300 (its sample says 50500), and 40303 with HTTP 403
 * and `403 RestrictedAction` (its sample says 401).
 */
export const VERIFICATION_ERROR_NAMES = {
  40001: 'ParameterValidation',
  40002: 'MissingParameter',
  40003: 'InvalidRequest',
  40005: 'NumberMissingLeadingPlus',
  40100: 'AuthorizationHeader',
  40101: 'AuthorizationHeader',
  40102: 'InvalidSignature',
  40104: 'AuthorizationRequired',
  40107: 'InvalidAuthorization',
  40200: 'PaymentRequired',
  40300: 'ForbiddenRequest',
  40303: 'RestrictedAction',
  40400: 'ResourceNotFound',
  40900: 'RequestConflict',
  42200: 'ApplicationConfiguration',
  42201: 'Unavailable',
  42900: 'CapacityExceeded',
  42901: 'VelocityConstraint',
  50000: 'InternalError',
  50300: 'TemporaryDown',
  50301: 'ConfigurationError',
} as const;

export type VerificationErrorCode = keyof typeof VERIFICATION_ERROR_NAMES;

/** Each code's message in seed 002, word for word. */
export const VERIFICATION_SEED_MESSAGES: Record<VerificationErrorCode, string> = {
  40001: "Supplied SMS code invalid format / The SMS code is not valid. Maximum 10 characters. Valid characters: A-Z, a-z, 0-9, '-'",
  40002: 'Endpoint parameter is missing.',
  40003: 'Phone number invalid',
  40005: 'Phone number missing leading plus sign',
  40100: 'Invalid authorization header',
  40101: 'X-Timestamp required',
  40102: 'Invalid signature',
  40104: 'Authorization required',
  40107: 'Invalid authorization',
  40200: 'Not enough credit',
  40300: 'Seamless not available / Seamless verification not available for given destination',
  40303: 'No verification method available',
  40400: 'Requested resource not found',
  40900: 'Reference already defined',
  42200: 'Application name has not been configured',
  42201: 'Destination denied',
  42900: 'Request capacity exceeded',
  42901: 'Cannot initiate verification to the same number too quickly',
  50000: 'General error; try submitting request again',
  50300: 'Service temporarily unavailable',
  50301: 'Server configuration error; please contact support',
};

export function verificationError(errorCode: VerificationErrorCode, message: string = VERIFICATION_SEED_MESSAGES[errorCode]): SimulatorReply {
  const httpStatus = Math.floor(errorCode / 100);
  return {
    status: httpStatus,
    body: { status: `${httpStatus} ${VERIFICATION_ERROR_NAMES[errorCode]}`, errorCode, message, reference: randomUUID() },
  };
}

/** Seed 002 has no 405; the simulator follows its convention (code = status and two digits). */
export function verificationMethodNotAllowed(): SimulatorReply {
  return { status: 405, body: { status: '405 MethodNotAllowed', errorCode: 40500, message: 'Method not allowed', reference: randomUUID() } };
}

export const VERIFICATION_ERRORS = {
  /** 40001 for other parameters than the SMS code: the seed's name, the simulator's wording. */
  invalidParameter: (message: string) => verificationError(40001, message),
  invalidSmsCode: () => verificationError(40001),
  missingParameter: (message: string) => verificationError(40002, message),
  missingEndpoint: () => verificationError(40002),
  invalidRequest: (message: string) => verificationError(40003, message),
  invalidPhoneNumber: () => verificationError(40003),
  missingLeadingPlus: () => verificationError(40005),
  invalidAuthorizationHeader: () => verificationError(40100),
  timestampRequired: () => verificationError(40101),
  invalidSignature: () => verificationError(40102),
  authorizationRequired: () => verificationError(40104),
  invalidAuthorization: () => verificationError(40107),
  seamlessNotAvailable: () => verificationError(40300),
  noVerificationMethod: () => verificationError(40303),
  notFound: () => verificationError(40400),
  referenceAlreadyDefined: () => verificationError(40900),
  velocityConstraint: () => ({ ...verificationError(42901), headers: { 'retry-after': String(VELOCITY_WINDOW_SECONDS) } }),
} as const;

/** Starts to one number allowed within `VELOCITY_WINDOW_SECONDS`; one more is 429 42901. */
export const VELOCITY_LIMIT = 4;
export const VELOCITY_WINDOW_SECONDS = 60;
