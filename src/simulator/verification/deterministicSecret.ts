import type { CodeType, VerificationMethod } from './VerificationRecord.js';

/**
 * What the simulator expects back, derived from the phone number alone so that tests and demos
 * know it without reading anything (docs/verification.md):
 *
 * - SMS, WhatsApp, phone call: the last four digits of the number (`+46701234567` → `4567`);
 *   with codeType Alpha each digit becomes a letter (0 → A ... 9 → J: `EFGH`); with
 *   Alphanumeric the first two become letters (`EF67`).
 * - Flash call: the caller id `+1815654` + the last four digits (`+18156544567`), matching the
 *   cliFilter `(.*)815654(.*)`.
 * - Seamless: nothing to report.
 */
export const FLASH_CALL_CLI_PREFIX = '+1815654';
export const FLASH_CALL_CLI_FILTER = '(.*)815654(.*)';

export function lastFourDigits(phoneNumber: string): string {
  return phoneNumber.replace(/\D/g, '').slice(-4).padStart(4, '0');
}

export function deterministicSecret(method: VerificationMethod, phoneNumber: string, codeType: CodeType | undefined): string {
  const digits = lastFourDigits(phoneNumber);
  switch (method) {
    case 'flashcall':
      return `${FLASH_CALL_CLI_PREFIX}${digits}`;
    case 'seamless':
      return '';
    case 'callout':
      return digits;
    case 'sms':
    case 'whatsapp':
      return withCodeType(digits, codeType ?? 'Numeric');
  }
}

function withCodeType(digits: string, codeType: CodeType): string {
  const letters = [...digits].map((digit) => String.fromCharCode(65 + Number(digit))).join('');
  switch (codeType) {
    case 'Numeric':
      return digits;
    case 'Alpha':
      return letters;
    case 'Alphanumeric':
      return letters.slice(0, 2) + digits.slice(2);
  }
}
