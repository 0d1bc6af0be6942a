import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { invalidArgument, syntaxInvalidJson, unsupportedMediaType } from './numbersErrors.js';

export type JsonObject = Record<string, unknown>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: SimulatorReply };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a JSON object body. An empty body counts as `{}` because the SDKs send
 * `Content-Type: application/json` with no body on bodiless POSTs such as `:release`.
 */
export function parseJsonObjectBody(request: SimulatorRequest): Parsed<JsonObject> {
  if (request.bodyText.trim() === '') return { ok: true, value: {} };
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) return { ok: false, reply: unsupportedMediaType(contentType) };
  let value: unknown;
  try {
    value = JSON.parse(request.bodyText);
  } catch {
    return { ok: false, reply: syntaxInvalidJson() };
  }
  if (!isJsonObject(value)) {
    const description = 'The request body must be a JSON object';
    return { ok: false, reply: invalidArgument(description, [{ field: 'body', description }]) };
  }
  return { ok: true, value };
}

/** Rejects fields the operation does not define, as the API's proto JSON parser does. */
export function rejectUnknownFields(body: JsonObject, allowed: readonly string[], prefix = ''): SimulatorReply | undefined {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown === undefined) return undefined;
  const field = `${prefix}${unknown}`;
  const description = `unknown field "${field}"`;
  return invalidArgument(description, [{ field, description }]);
}

export function expectString(body: JsonObject, key: string, field = key): Parsed<string | undefined> {
  const value = body[key];
  if (value === undefined || typeof value === 'string') return { ok: true, value };
  const description = `parsing field "${field}": expected a string`;
  return { ok: false, reply: invalidArgument(description, [{ field, description }]) };
}
