import type { SimulatorRequest } from '../core/SimulatorRequest.js';
import { invalidArgument } from './numbersErrors.js';
import type { Parsed } from './parseRequestBody.js';

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Reads `{phoneNumber}` from the path. The SDKs send the `+` unencoded, other clients
 * send `%2B`; the router has already decoded the segment, so both arrive as `+`.
 */
export function parsePhoneNumberParameter(request: SimulatorRequest): Parsed<string> {
  const phoneNumber = request.params['phoneNumber'] ?? '';
  if (E164.test(phoneNumber)) return { ok: true, value: phoneNumber };
  const description = `"${phoneNumber}" is not a valid phone number in E.164 format (for example +12025550134)`;
  return { ok: false, reply: invalidArgument(description, [{ field: 'phoneNumber', description }]) };
}
