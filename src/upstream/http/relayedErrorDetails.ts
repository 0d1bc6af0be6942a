/**
 * The error details the gateway relays: the google.rpc detail types the Sinch APIs document
 * (REFERENCE 4.7 and 6.5, google/rpc/error_details.proto), each with its documented fields
 * only. Everything else is dropped: `DebugInfo` (stack entries), `RequestInfo` (its `data` is the
 * request as received; its `requestId` becomes the error's `reference`), `Help` links, unknown
 * types and unknown fields, `ErrorInfo.metadata` (free-form). A detail names its type in `type`
 * (Sinch) or `@type` (`type.googleapis.com/google.rpc.BadRequest`); the relayed detail always
 * says `type`, with the short name.
 */
export function relayedErrorDetails(items: readonly unknown[]): unknown[] {
  const relayed: unknown[] = [];
  for (const item of items) {
    if (!isObject(item)) continue;
    const type = typeOf(item);
    const read = type === undefined ? undefined : READERS[type];
    const detail = read?.(item);
    if (detail !== undefined) relayed.push({ type, ...detail });
  }
  return relayed;
}

type Reader = (item: Record<string, unknown>) => Record<string, unknown> | undefined;

const MAX_ENTRIES = 20;

const READERS: Record<string, Reader> = {
  ResourceInfo: (item) => strings(item, ['resourceType', 'resourceName', 'owner', 'description']),
  BadRequest: (item) => ({ fieldViolations: entries(item['fieldViolations'], ['field', 'description']) }),
  ErrorInfo: (item) => strings(item, ['reason', 'domain']),
  QuotaFailure: (item) => ({ violations: entries(item['violations'], ['subject', 'description']) }),
  RetryInfo: (item) => {
    const delay = retryDelayOf(item['retryDelay']);
    return delay === undefined ? undefined : { retryDelay: delay };
  },
};

function typeOf(item: Record<string, unknown>): string | undefined {
  const named = typeof item['type'] === 'string' ? item['type'] : typeof item['@type'] === 'string' ? item['@type'] : undefined;
  const short = named?.replace(/^type\.googleapis\.com\/google\.rpc\./, '');
  return short !== undefined && Object.hasOwn(READERS, short) ? short : undefined;
}

function strings(item: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => typeof item[key] === 'string').map((key) => [key, item[key]]));
}

function entries(value: unknown, keys: readonly string[]): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isObject).slice(0, MAX_ENTRIES).map((entry) => strings(entry, keys)) : [];
}

/** google.protobuf.Duration in JSON (`"30s"`, `"1.5s"`) or as `{ seconds, nanos }`. */
function retryDelayOf(value: unknown): unknown {
  if (typeof value === 'string') return /^\d{1,10}(\.\d{1,9})?s$/.test(value) ? value : undefined;
  if (!isObject(value)) return undefined;
  const { seconds, nanos } = value;
  const number = (part: unknown) => typeof part === 'number' && Number.isFinite(part) && part >= 0;
  const numeric = (part: unknown) => number(part) || (typeof part === 'string' && /^\d{1,10}$/.test(part));
  if (!numeric(seconds) || (nanos !== undefined && !number(nanos))) return undefined;
  return nanos === undefined ? { seconds } : { seconds, nanos };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
