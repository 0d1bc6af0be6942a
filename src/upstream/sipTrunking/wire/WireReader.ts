import { UpstreamError } from '../../UpstreamError.js';
import { isoDateTime } from '../../isoDateTime.js';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads fields of one wire object. The EST API renders "unset" as `''`, `null` or nothing
 * depending on the endpoint, so optional readers fold all three into `null`; required
 * readers throw `UPSTREAM_BAD_RESPONSE`, because a trunk without an id is not something a
 * resolver can do anything useful with.
 */
export class WireReader {
  constructor(
    readonly object: JsonObject,
    /** `GET /v1/projects/{projectId}/trunks`: names the endpoint in the error. */
    readonly endpoint: string,
  ) {}

  static of(value: unknown, endpoint: string, what: string): WireReader {
    if (!isJsonObject(value)) {
      throw badResponse(endpoint, `expected ${what} to be a JSON object`);
    }
    return new WireReader(value, endpoint);
  }

  requiredString(key: string): string {
    const value = this.object[key];
    if (typeof value !== 'string' || value === '') {
      throw badResponse(this.endpoint, `field ${key} is missing`);
    }
    return value;
  }

  optionalString(key: string): string | null {
    const value = this.object[key];
    return typeof value === 'string' && value !== '' ? value : null;
  }

  /** Numbers may arrive as JSON numbers or numeric strings (spec `pageNumber: "1"`). */
  optionalNumber(key: string): number | null {
    const value = this.object[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return Number(value);
    return null;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.object[key];
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return fallback;
  }

  stringArray(key: string): string[] | undefined {
    const value = this.object[key];
    if (!Array.isArray(value)) return undefined;
    return value.filter((item): item is string => typeof item === 'string');
  }

  /**
   * RFC 3339 text with `Z`; offsets such as the mock's `+0000` are converted, nanoseconds kept
   * when already UTC, a zone-less value read as UTC (`isoDateTime`). Text that is not a real
   * date-time is null, like an unset one: the DateTime scalar can not turn it into null.
   */
  timestamp(key: string): string | null {
    const value = isoDateTime(this.optionalString(key));
    if (value === null || /Z$/i.test(value)) return value;
    return new Date(Date.parse(value)).toISOString();
  }
}

export function badResponse(endpoint: string, reason: string): UpstreamError {
  return new UpstreamError({
    service: 'SIP_TRUNKING',
    failure: 'BAD_RESPONSE',
    endpoint,
    cause: new Error(reason),
  });
}
