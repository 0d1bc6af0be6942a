import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { VERIFICATION_ERRORS } from './verificationErrors.js';

/** A JSON object body, or the Verification API's own error for anything else. */
export function parseVerificationBody(request: SimulatorRequest): Record<string, unknown> | SimulatorReply {
  try {
    const value: unknown = JSON.parse(request.bodyText);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Falls through to the error below.
  }
  return VERIFICATION_ERRORS.invalidRequest('Invalid request: the body must be a JSON object.');
}

export function isReply(value: unknown): value is SimulatorReply {
  return typeof value === 'object' && value !== null && 'status' in value && typeof (value as { status: unknown }).status === 'number';
}

/** Validates an identity endpoint the way seed 002 words it: 40002, 40005, 40003. */
export function checkEndpoint(endpoint: unknown): SimulatorReply | undefined {
  if (typeof endpoint !== 'string' || endpoint === '') return VERIFICATION_ERRORS.missingEndpoint();
  if (!endpoint.startsWith('+')) return VERIFICATION_ERRORS.missingLeadingPlus();
  if (!/^\+[1-9][0-9]{6,14}$/.test(endpoint)) return VERIFICATION_ERRORS.invalidPhoneNumber();
  return undefined;
}

