import { relayedErrorDetails } from './relayedErrorDetails.js';

/**
 * What the gateway keeps of an upstream error body. Whatever the envelope, only these fields
 * survive; the raw body is never kept, logged or returned. Details are reduced to their
 * documented types and fields (`relayedErrorDetails`). The strings are still the upstream's:
 * `UpstreamTextScrubber.scrubBody` removes secrets and addresses before they are kept.
 */
export interface ParsedErrorBody {
  status?: string;
  code?: string;
  message?: string;
  reference?: string;
  details?: unknown[];
}

const MAX_MESSAGE_LENGTH = 500;
const MAX_DETAILS = 20;
const MAX_DETAIL_JSON_LENGTH = 2_000;
const MAX_DETAILS_JSON_LENGTH = 8_000;

/**
 * Parses every error envelope the Sinch APIs (and the seeds' peer platform) are known to use:
 * - Numbers / Google RPC: `{"error":{"code":404,"message":"","status":"NOT_FOUND","details":[...]}}`
 * - Numbers legacy:       `{"code":"syntax_invalid_json","text":"..."}`
 * - Verification:         `{"status":"400 ParameterValidation","errorCode":40001,"message":"...","reference":"..."}` (errorCode number or string)
 * - Elastic SIP Trunking: `{"code":400,"status":"BAD_REQUEST","message":"...","details":[...]}`, wrapped in `error` or not
 * - Azure style:          `{"error":{"code":"BadRequest","message":"...","target":"...","details":[...]}}`
 * - OAuth2:               `{"error":"invalid_client","error_description":"..."}`
 * Empty bodies, HTML error pages and other non-JSON yield an empty result.
 */
export function parseErrorBody(text: string): ParsedErrorBody {
  const value = parseJsonObject(text);
  if (value === undefined) {
    return {};
  }
  const inner = value['error'];
  if (typeof inner === 'string') {
    return compact({ code: sanitizeMessage(inner), message: stringField(value, 'error_description') });
  }
  const envelope = isObject(inner) ? inner : value;
  const errorCode = envelope['errorCode'];
  const code = errorCode ?? envelope['code'];
  const details = envelope['details'];
  return compact({
    status: stringField(envelope, 'status'),
    code: typeof code === 'string' || typeof code === 'number' ? sanitizeMessage(String(code)) : undefined,
    message: stringField(envelope, 'message') ?? stringField(envelope, 'text'),
    reference: stringField(envelope, 'reference') ?? requestIdOf(details),
    details: detailsOf(details),
  });
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(trimmed);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? sanitizeMessage(value) : undefined;
}

/**
 * Control characters, Unicode line separators and bidirectional overrides could forge or
 * disguise log lines; unbounded text could flood a response. Truncation counts code points, so
 * it never leaves half a surrogate pair behind.
 */
export function sanitizeMessage(value: string): string {
  const clean = value.replace(INVISIBLE_CHARACTERS, '').replace(UNSAFE_CHARACTERS, ' ').trim();
  if (clean.length <= MAX_MESSAGE_LENGTH) {
    return clean;
  }
  const codePoints = Array.from(clean.slice(0, MAX_MESSAGE_LENGTH * 2 + 1));
  return codePoints.length <= MAX_MESSAGE_LENGTH ? clean : `${codePoints.slice(0, MAX_MESSAGE_LENGTH).join('')}…`;
}

/**
 * Zero-width characters and the soft hyphen are removed, not replaced: spliced between the
 * characters of an echoed secret they would hide it from the scrubber while it still reads the same.
 */
const INVISIBLE_CHARACTERS = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

function detailsOf(value: unknown): unknown[] | undefined {
  const items = Array.isArray(value) ? value : isObject(value) ? [value] : undefined;
  if (items === undefined) {
    return undefined;
  }
  const bounded = items.slice(0, MAX_DETAILS).filter((item) => isObject(item) && JSON.stringify(item).length <= MAX_DETAIL_JSON_LENGTH);
  // All details together stay small too: every string of them is scrubbed (UpstreamTextScrubber).
  let total = 0;
  const relayed = relayedErrorDetails(bounded).filter((detail) => {
    total += JSON.stringify(detail).length;
    return total <= MAX_DETAILS_JSON_LENGTH;
  });
  return sanitizeStrings(relayed) as unknown[];
}

function sanitizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeMessage(value);
  if (Array.isArray(value)) return value.map(sanitizeStrings);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, sanitizeStrings(item)]));
  return value;
}

function requestIdOf(details: unknown): string | undefined {
  if (!Array.isArray(details)) {
    return undefined;
  }
  for (const item of details) {
    if (isObject(item) && item['type'] === 'RequestInfo' && typeof item['requestId'] === 'string') {
      return sanitizeMessage(item['requestId']);
    }
  }
  return undefined;
}

function compact(body: ParsedErrorBody): ParsedErrorBody {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined && value !== ''));
}
