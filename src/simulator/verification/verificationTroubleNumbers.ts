import type { SimulatorReply } from '../core/SimulatorRequest.js';
import { VERIFICATION_ERROR_NAMES, verificationError, type VerificationErrorCode } from './verificationErrors.js';

/**
 * Destinations that make `POST /verifications` answer one error of seed 002, for the errors no
 * realistic request can cause through a correct client (a bad signature, an account without
 * credit, an outage): `+99900` followed by the five-digit error code, e.g. `+9990040200` → 402
 * 40200 "Not enough credit". `+999` is an unassigned country code, so no real number is one of
 * them. The answer is the seed's, word for word, for any method (docs/simulator.md).
 */
export const VERIFICATION_TROUBLE_PREFIX = '+99900';

export function verificationTroubleNumber(errorCode: VerificationErrorCode): string {
  return `${VERIFICATION_TROUBLE_PREFIX}${errorCode}`;
}

export function verificationTroubleReply(phoneNumber: string): SimulatorReply | undefined {
  if (!phoneNumber.startsWith(VERIFICATION_TROUBLE_PREFIX)) return undefined;
  const code = Number(phoneNumber.slice(VERIFICATION_TROUBLE_PREFIX.length));
  if (!Object.hasOwn(VERIFICATION_ERROR_NAMES, code)) return undefined;
  const reply = verificationError(code as VerificationErrorCode);
  return code === 42900 ? { ...reply, headers: { 'retry-after': '1' } } : reply;
}
