import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { badRequest, validationFailed } from './sipTrunkingErrors.js';

export type JsonObject = Record<string, unknown>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: SimulatorReply };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** S7: an unreadable body is `400` "Failed to read HTTP message" (a Spring message converter). */
export function parseJsonBody(request: SimulatorRequest): Parsed<unknown> {
  if (request.bodyText.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(request.bodyText) as unknown };
  } catch {
    return { ok: false, reply: badRequest('Failed to read HTTP message') };
  }
}

export function parseJsonObject(request: SimulatorRequest): Parsed<JsonObject> {
  const body = parseJsonBody(request);
  if (!body.ok) return body;
  return isJsonObject(body.value) ? { ok: true, value: body.value } : { ok: false, reply: badRequest('Failed to read HTTP message') };
}

/** Collects field violations so one answer lists every problem of a body. */
export class BodyReader {
  readonly violations: { field: string; description: string }[] = [];

  constructor(readonly body: JsonObject) {}

  requiredString(key: string): string {
    const value = this.body[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.violations.push({ field: key, description: 'must not be blank' });
      return '';
    }
    return value;
  }

  optionalString(key: string): string | null {
    const value = this.body[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      this.violations.push({ field: key, description: 'must be a string' });
      return null;
    }
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.body[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      this.violations.push({ field: key, description: 'must be true or false' });
      return fallback;
    }
    return value;
  }

  integer(key: string, fallback: number | null, min: number, max: number): number {
    const value = this.body[key];
    if ((value === undefined || value === null) && fallback !== null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.violations.push({ field: key, description: `must be an integer from ${min} to ${max}` });
      return fallback ?? min;
    }
    return value;
  }

  oneOf<T extends string>(key: string, values: readonly T[], fallback: T): T {
    const value = this.body[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      this.violations.push({ field: key, description: `must be one of ${values.join(', ')}` });
      return fallback;
    }
    return value as T;
  }

  stringArray(key: string): string[] {
    const value = this.body[key];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      this.violations.push({ field: key, description: 'must be a list of strings' });
      return [];
    }
    return value as string[];
  }

  /** The reply when anything was wrong, else undefined. */
  problems(): SimulatorReply | undefined {
    return this.violations.length === 0 ? undefined : validationFailed(this.violations);
  }
}
