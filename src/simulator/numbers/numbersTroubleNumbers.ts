import type { SimulatorReply } from '../core/SimulatorRequest.js';
import { codeAndText, notEnoughCredit, permissionDenied, seedInternalError, serviceUnavailable, tooManyRequests, unauthenticated } from './numbersErrors.js';

/**
 * Phone numbers that make every Numbers route with a `{phoneNumber}` in its path (read, update,
 * release, rent, emergency address) answer one error of seed 001, for the errors that no
 * realistic request of a correct client causes: an outage, a blocked account, a refused token.
 * The last four digits recall the HTTP status. None of them is seeded or in the catalogue of
 * available numbers. docs/simulator.md lists them with the realistic triggers of the others.
 */
export const NUMBERS_TROUBLE_NUMBERS: Readonly<Record<string, () => SimulatorReply>> = {
  '+12015550400': () => codeAndText('syntax_invalid_json'),
  '+12015550401': () => unauthenticated('Authentication token is invalid.', 'Bearer error="invalid_token"'),
  '+12015550402': () => notEnoughCredit(),
  '+12015550403': () => permissionDenied(''),
  '+12015550422': () => codeAndText('syntax_constraint_violation'),
  '+12015550423': () => codeAndText('blocked_account'),
  '+12015550429': () => tooManyRequests(),
  '+12015550500': () => seedInternalError(),
  '+12015550503': () => serviceUnavailable(),
};

export function numbersTroubleReply(phoneNumber: string): SimulatorReply | undefined {
  return Object.hasOwn(NUMBERS_TROUBLE_NUMBERS, phoneNumber) ? NUMBERS_TROUBLE_NUMBERS[phoneNumber]?.() : undefined;
}
