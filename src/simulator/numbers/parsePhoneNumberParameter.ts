import type { SimulatorRequest } from '../core/SimulatorRequest.js';
import { codeAndText } from './numbersErrors.js';
import { numbersTroubleReply } from './numbersTroubleNumbers.js';
import type { Parsed } from './parseRequestBody.js';

const E164 = /^\+[1-9]\d{6,14}$/;
/** A NANP number is +1 and ten digits; fewer means the area code was forgotten (seed 001). */
const NANP = /^\+1\d{10}$/;

/**
 * Reads `{phoneNumber}` from the path. The SDKs send the `+` unencoded, other clients
 * send `%2B`; the router has already decoded the segment, so both arrive as `+`.
 *
 * A number that is not E.164, or a +1 number without its ten digits, is 400
 * `syntax_invalid_parameter_format`: seed 001's own example of that code ("if a MSISDN is not
 * correctly formatted ... if you forgot to add the area code"). A trouble number answers its error.
 */
export function parsePhoneNumberParameter(request: SimulatorRequest): Parsed<string> {
  const phoneNumber = request.params['phoneNumber'] ?? '';
  if (!E164.test(phoneNumber) || (phoneNumber.startsWith('+1') && !NANP.test(phoneNumber))) {
    return { ok: false, reply: codeAndText('syntax_invalid_parameter_format') };
  }
  const trouble = numbersTroubleReply(phoneNumber);
  return trouble === undefined ? { ok: true, value: phoneNumber } : { ok: false, reply: trouble };
}
