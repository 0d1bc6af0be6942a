import type { VerificationRecord } from './VerificationRecord.js';

/** Expires a PENDING verification whose time is up (FAIL / Expired). Called before every read or report. */
export function expireIfDue(record: VerificationRecord, now: number): void {
  if (record.status === 'PENDING' && now >= record.expiresAt) {
    record.status = 'FAIL';
    record.reason = 'Expired';
    record.updatedAt = record.expiresAt;
  }
}

export type ReportOutcome = { status: VerificationRecord['status']; reason: string | undefined };

/**
 * Applies one report. A correct secret succeeds; a wrong one answers FAIL / Invalid code
 * (Invalid CLI for a flash call) but leaves the verification PENDING until `maxWrongAttempts`
 * wrong reports, after which it is FAIL for good. A verification that is no longer PENDING
 * cannot be reported again: the answer is its final state, whatever was sent.
 */
export function applyReport(record: VerificationRecord, secret: string, maxWrongAttempts: number, now: number): ReportOutcome {
  expireIfDue(record, now);
  if (record.status !== 'PENDING') return { status: record.status, reason: record.reason };
  if (secret === record.expected) {
    record.status = 'SUCCESSFUL';
    record.reason = undefined;
    record.source = 'manual';
    record.updatedAt = now;
    return { status: 'SUCCESSFUL', reason: undefined };
  }
  const reason = record.method === 'flashcall' ? 'Invalid CLI' : 'Invalid code';
  record.wrongAttempts += 1;
  if (record.wrongAttempts >= maxWrongAttempts) {
    record.status = 'FAIL';
    record.reason = reason;
    record.updatedAt = now;
  }
  return { status: 'FAIL', reason };
}
