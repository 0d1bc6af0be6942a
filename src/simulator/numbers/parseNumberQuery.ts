import { invalidArgument, invalidEnumValue } from './numbersErrors.js';
import { isOneOf, SEARCH_PATTERNS, type SearchPattern } from './numbersEnums.js';
import type { Parsed } from './parseRequestBody.js';

/**
 * Reads an enum list from the query. The SDKs repeat the key for arrays
 * (`capabilities=SMS&capabilities=VOICE`) but other clients comma-join; both are accepted.
 */
export function readEnumList<T extends string>(query: URLSearchParams, key: string, values: readonly T[]): Parsed<T[]> {
  const items = query
    .getAll(key)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  const invalid = items.find((item) => !isOneOf(values, item));
  if (invalid !== undefined) return { ok: false, reply: invalidEnumValue(key, invalid) };
  return { ok: true, value: items as T[] };
}

export function readOptionalEnum<T extends string>(query: URLSearchParams, key: string, values: readonly T[]): Parsed<T | undefined> {
  const value = query.get(key);
  if (value === null || value === '') return { ok: true, value: undefined };
  if (!isOneOf(values, value)) return { ok: false, reply: invalidEnumValue(key, value) };
  return { ok: true, value };
}

export function readOptionalInteger(query: URLSearchParams, key: string): Parsed<number | undefined> {
  const value = query.get(key);
  if (value === null || value === '') return { ok: true, value: undefined };
  if (!/^\d+$/.test(value) || Number(value) > 2_147_483_647) {
    const description = `parsing field "${key}": "${value}" is not a valid non-negative int32`;
    return { ok: false, reply: invalidArgument(description, [{ field: key, description }]) };
  }
  return { ok: true, value: Number(value) };
}

export interface NumberPattern {
  digits: string;
  searchPattern: SearchPattern;
}

/**
 * Reads `numberPattern.pattern` / `numberPattern.searchPattern`. Only digits count: a
 * leading `+` (or the space an unencoded `+` becomes in a query string) is ignored, and
 * matching is done on the digits of the E.164 number, country code included.
 */
export function readNumberPattern(pattern: unknown, searchPattern: unknown, fieldPrefix: string): Parsed<NumberPattern | undefined> {
  if (searchPattern !== undefined && searchPattern !== null && searchPattern !== '' && !isOneOf(SEARCH_PATTERNS, searchPattern)) {
    return { ok: false, reply: invalidEnumValue(`${fieldPrefix}searchPattern`, searchPattern) };
  }
  if (pattern === undefined || pattern === null || pattern === '') return { ok: true, value: undefined };
  const text = String(pattern).trim().replace(/^\+/, '');
  if (!/^\d+$/.test(text)) {
    const description = `"${String(pattern)}" is not a sequence of digits`;
    return { ok: false, reply: invalidArgument(description, [{ field: `${fieldPrefix}pattern`, description }]) };
  }
  const mode = isOneOf(SEARCH_PATTERNS, searchPattern) ? searchPattern : 'CONTAINS';
  return { ok: true, value: { digits: text, searchPattern: mode } };
}

export function matchesNumberPattern(phoneNumber: string, pattern: NumberPattern | undefined): boolean {
  if (pattern === undefined) return true;
  const digits = phoneNumber.replace(/^\+/, '');
  switch (pattern.searchPattern) {
    case 'START':
      return digits.startsWith(pattern.digits);
    case 'END':
      return digits.endsWith(pattern.digits);
    case 'CONTAINS':
      return digits.includes(pattern.digits);
  }
}
