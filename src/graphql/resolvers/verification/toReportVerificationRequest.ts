import type { ReportVerificationInput } from '../../../generated/graphql.js';
import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { VerificationReportRequestWire } from '../../../upstream/verification/verificationWire.js';

export type ReportTarget = { kind: 'id'; id: string } | { kind: 'identity'; phoneNumber: string };

export interface ReportVerificationRequest {
  target: ReportTarget;
  body: VerificationReportRequestWire;
}

/** Codes are short; a bound keeps an abusive payload from ever reaching Sinch. */
const MAX_CODE_LENGTH = 32;

/**
 * Turns `reportVerification`'s input into the target and the Sinch report body (REFERENCE §5.5).
 * Error messages never quote the code: it is a secret, and messages end up in logs and clients.
 */
export function toReportVerificationRequest(input: ReportVerificationInput): ReportVerificationRequest {
  const target = targetOf(input);
  const code = input.code.trim();
  if (code === '' || code.length > MAX_CODE_LENGTH) {
    throw new InvalidInputError('input.code', `input.code must be 1 to ${MAX_CODE_LENGTH} characters.`);
  }
  return { target, body: reportBody(input.method, code) };
}

function targetOf(input: ReportVerificationInput): ReportTarget {
  if (input.id != null && input.phoneNumber == null) return { kind: 'id', id: input.id };
  if (input.phoneNumber != null && input.id == null) return { kind: 'identity', phoneNumber: input.phoneNumber };
  throw new InvalidInputError('input', 'Give exactly one of input.id and input.phoneNumber.');
}

function reportBody(method: ReportVerificationInput['method'], code: string): VerificationReportRequestWire {
  switch (method) {
    case 'SMS':
      return { method: 'sms', sms: { code } };
    case 'FLASH_CALL':
      return { method: 'flashcall', flashCall: { cli: code } };
    case 'PHONE_CALL':
      return { method: 'callout', callout: { code } };
    case 'WHATSAPP':
      return { method: 'whatsapp', whatsapp: { code } };
  }
}
