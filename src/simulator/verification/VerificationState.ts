import { VELOCITY_LIMIT } from './verificationErrors.js';
import type { VerificationRecord } from './VerificationRecord.js';

/** The Verification slice of the simulator state. It starts empty: verifications are created by tests. */
export interface VerificationState {
  verifications: Map<string, VerificationRecord>;
  /** reference → id; a reference names one verification forever (409 40900 on reuse). */
  references: Map<string, string>;
  /** Wrong reports after which a PENDING verification becomes FAIL / Invalid code. */
  maxWrongAttempts: number;
  /** Starts to one number allowed per minute (seed 002, 42901); `PUT /__admin/verification/config`. */
  velocityLimit: number;
}

export const DEFAULT_MAX_WRONG_ATTEMPTS = 3;

export function seedVerificationState(): VerificationState {
  return { verifications: new Map(), references: new Map(), maxWrongAttempts: DEFAULT_MAX_WRONG_ATTEMPTS, velocityLimit: VELOCITY_LIMIT };
}

/** The latest verification of a number with a method: what by-identity status and report act on. */
export function latestByIdentity(state: VerificationState, method: string, phoneNumber: string): VerificationRecord | undefined {
  let latest: VerificationRecord | undefined;
  for (const record of state.verifications.values()) {
    if (record.method === method && record.phoneNumber === phoneNumber && (latest === undefined || record.createdAt >= latest.createdAt)) {
      latest = record;
    }
  }
  return latest;
}
