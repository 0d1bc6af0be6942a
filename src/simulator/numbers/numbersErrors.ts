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

export function syntaxInvalidJson(): SimulatorReply {
  return {
    status: 400,
    body: {
      code: 'syntax_invalid_json',
      text: "The JSON in the request is invalid or doesn't conform to the API specification. ",
    },
  };
}
