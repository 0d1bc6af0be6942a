import { stdSerializers } from 'pino';
import { withoutQueryStrings } from './withoutQueryStrings.js';

export const REDACTED = '[redacted]';

/** Keys whose values are always secret, compared without case, `-` or `_` (`X-Api-Key` is `xapikey`). */
const SECRET_KEYS = new Set(['authorization', 'proxyauthorization', 'xapikey', 'apikey', 'cookie', 'setcookie', 'otp', 'otpcode', 'verificationcode', 'pin', 'signature']);
/** Any key ending in one of these is secret too: `accessToken`, `refresh_token`, `keySecret`, `hmacSecret`, `dbPassword`. */
const SECRET_SUFFIXES = ['token', 'secret', 'password', 'passwd', 'apikey', 'authorization', 'cookie', 'credentials'];
/**
 * `code` is an error code almost everywhere (`err.code`, `extensions.code`) and a one-time
 * password in a verification report (`sms.code`, `callout.code`, the `input.code` of the
 * `reportVerification` variables); a flash call's OTP is its caller id (`flashCall.cli`). These
 * keys are secret when any key above them on the path is one of OTP_CONTEXTS.
 */
const OTP_VALUE_KEYS = new Set(['code', 'cli']);
const OTP_CONTEXTS = new Set(['sms', 'otp', 'flashcall', 'callout', 'whatsapp', 'verification', 'report', 'reportverification', 'input', 'variables']);
/** Credentials written into a string value (`Bearer eyJ...`, `Basic a2V5...`, a signed `Application key:signature`). */
const CREDENTIAL_VALUE = /^\s*(?:bearer|basic)\s+\S|^\s*application\s+[^\s:]+:\S/i;

const MAX_DEPTH = 8;
const MAX_KEYS = 100;
const MAX_ITEMS = 50;

/**
 * A copy of a log value with every secret censored, at any depth and in any letter case. pino's
 * own `redact` takes fixed paths (`*.password` is one level deep, and case-sensitive), which
 * cannot promise that a token nested in an upstream error's cause, or an `Authorization` header
 * spelled another way, never reaches the logs; this walk can. It is bounded (depth, keys per
 * object, items per array, cycles) so logging a huge or cyclic object stays cheap.
 *
 * URLs in string values lose their query strings (`withoutQueryStrings`).
 *
 * Errors become plain objects here (pino's `err` serializer shape: type, message, stack, own
 * properties and cause) so that their properties are walked too.
 */
export function redactSecrets(value: unknown): unknown {
  return walk(value, 0, false, new WeakSet());
}

function walk(value: unknown, depth: number, otpContext: boolean, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') {
    return CREDENTIAL_VALUE.test(value) ? REDACTED : withoutQueryStrings(value);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (seen.has(value)) {
    return '[circular]';
  }
  if (depth >= MAX_DEPTH) {
    return '[too deep]';
  }
  seen.add(value);
  try {
    if (value instanceof Error) {
      return walk({ ...stdSerializers.errWithCause(value) }, depth, otpContext, seen);
    }
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map((item) => walk(item, depth + 1, otpContext, seen));
      return value.length > MAX_ITEMS ? [...items, `[${value.length - MAX_ITEMS} more]`] : items;
    }
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') {
      return walk(withToJson.toJSON(), depth, otpContext, seen);
    }
    return walkObject(value as Record<string, unknown>, depth, otpContext, seen);
  } finally {
    seen.delete(value);
  }
}

function walkObject(object: Record<string, unknown>, depth: number, otpContext: boolean, seen: WeakSet<object>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  const keys = Object.keys(object);
  for (const key of keys.slice(0, MAX_KEYS)) {
    const normalized = normalize(key);
    copy[key] = isSecretKey(normalized, otpContext)
      ? REDACTED
      : walk(object[key], depth + 1, otpContext || OTP_CONTEXTS.has(normalized), seen);
  }
  if (keys.length > MAX_KEYS) {
    copy['[truncated]'] = `${keys.length - MAX_KEYS} more keys`;
  }
  return copy;
}

function isSecretKey(normalized: string, otpContext: boolean): boolean {
  return (
    SECRET_KEYS.has(normalized) ||
    SECRET_SUFFIXES.some((suffix) => normalized.endsWith(suffix)) ||
    (otpContext && OTP_VALUE_KEYS.has(normalized))
  );
}

function normalize(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}
