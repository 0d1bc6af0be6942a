import type { SimulatorReply } from '../core/SimulatorRequest.js';

/**
 * The Numbers API error envelopes (REFERENCE §4.7, seed 001). Google-RPC style, wrapped in
 * `error`; the `{code, text}` envelope of seed 001 is used for bodies that are not JSON.
 */

export interface FieldViolation {
  field: string;
  description: string;
}

function envelope(code: number, status: string, message: string, details: unknown[]): SimulatorReply {
  return { status: code, body: { error: { code, message, status, details } } };
}

export function invalidArgument(message: string, violations: FieldViolation[]): SimulatorReply {
  return envelope(400, 'INVALID_ARGUMENT', message, [{ type: 'BadRequest', fieldViolations: violations }]);
}

export function invalidEnumValue(field: string, value: unknown): SimulatorReply {
  const description = `parsing field "${field}": ${JSON.stringify(value)} is not a valid value`;
  return invalidArgument(description, [{ field, description }]);
}

export type NumbersResourceType = 'ActiveNumber' | 'AvailableNumber' | 'CallbackConfiguration' | 'NumberOrder' | 'EmergencyAddress';

export function notFound(resourceType: NumbersResourceType, resourceName: string, message = ''): SimulatorReply {
  return envelope(404, 'NOT_FOUND', message, [
    { type: 'ResourceInfo', resourceType, resourceName, owner: '', description: '' },
  ]);
}

export function permissionDenied(message = ''): SimulatorReply {
  return envelope(403, 'PERMISSION_DENIED', message, []);
}

export function unauthenticated(message: string, wwwAuthenticate: string): SimulatorReply {
  return { ...envelope(401, 'UNAUTHENTICATED', message, []), headers: { 'www-authenticate': wwwAuthenticate } };
}

/** 404 for a path no route knows, so it carries no ResourceInfo. */
export function unknownPath(): SimulatorReply {
  return envelope(404, 'NOT_FOUND', 'Not Found', []);
}

/** The status strings of 405 and 415 are not documented anywhere; see docs/simulator.md. */
export function methodNotAllowed(allowedMethods: string[]): SimulatorReply {
  return { ...envelope(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed', []), headers: { allow: allowedMethods.join(', ') } };
}

export function unsupportedMediaType(contentType: string): SimulatorReply {
  return envelope(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type "${contentType}" is not supported; use application/json`, []);
}

/** For operations the simulator deliberately does not implement (see docs/simulator.md). */
export function unimplemented(message: string): SimulatorReply {
  return envelope(501, 'UNIMPLEMENTED', message, []);
}

export function internalError(message: string): SimulatorReply {
  return envelope(500, 'INTERNAL', message, []);
}

/**
 * The `{code, text}` envelope of seed 001 (400 and 403). Each text is the seed's own sentence for
 * that code, worded the way the seed's one sample (`syntax_invalid_json`) turns its description
 * into a text; the trailing space of that sample is kept, as sent.
 */
export const NUMBERS_CODE_TEXTS = {
  syntax_constraint_violation: { status: 400, text: "The request body doesn't fulfill all of the constraints set by the API." },
  syntax_invalid_json: { status: 400, text: "The JSON in the request is invalid or doesn't conform to the API specification. " },
  syntax_invalid_parameter_format: { status: 400, text: 'The format of a field value is invalid.' },
  blocked_account: { status: 403, text: 'Your account has been blocked.' },
  illegal_number_type: { status: 403, text: 'Illegal phone number type of MSISDN for a chosen region was used.' },
  unknown_campaign: { status: 403, text: "The campaign ID doesn't match the specified originator." },
} as const;

export type NumbersTextCode = keyof typeof NUMBERS_CODE_TEXTS;

export function codeAndText(code: NumbersTextCode): SimulatorReply {
  const { status, text } = NUMBERS_CODE_TEXTS[code];
  return { status, body: { code, text } };
}

export function syntaxInvalidJson(): SimulatorReply {
  return codeAndText('syntax_invalid_json');
}

/** Seed 001, 400 FAILED_PRECONDITION: the first of its reasons. */
export function notEnoughCredit(): SimulatorReply {
  return envelope(400, 'FAILED_PRECONDITION', 'The project does not have enough credit to activate a number.', []);
}

/** Seed 001, 429: the seed's sentence; `Retry-After` as a real rate limiter sends it. */
export function tooManyRequests(): SimulatorReply {
  return { ...envelope(429, 'RESOURCE_EXHAUSTED', 'The user or path has too many outstanding requests.', []), headers: { 'retry-after': '1' } };
}

/** Seed 001, 500 and 503, with the seed's sentences. */
export function seedInternalError(): SimulatorReply {
  return envelope(500, 'INTERNAL', "An unexpected internal error occurred and the request wasn't processed.", []);
}

export function serviceUnavailable(): SimulatorReply {
  return envelope(503, 'UNAVAILABLE', 'The service is unable to perform the request at this point.', []);
}
