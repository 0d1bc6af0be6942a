import type { CredentialListLink, EstPage, EstPageRequest } from '../SipTrunkingModels.js';
import { parseCredentialList } from './parseSipTrunkingResources.js';
import { WireReader, badResponse, isJsonObject } from './WireReader.js';

/**
 * Reads one page of an EST list (REFERENCE §6.4, §8). Both spellings are accepted:
 * - the items under any of `keys` (`trunks` per the SDK, `sipTrunks` per the spec), or a bare
 *   array (the spec's `GET /callBlockingRules`), which is then the whole list;
 * - `pageNumber` as a number or a numeric string, the page size as `pageSize` or `size`.
 * A key left out is an empty list: proto3 JSON omits empty arrays.
 */
export function parseEstPage<T>(
  body: unknown,
  endpoint: string,
  keys: readonly string[],
  parseItem: (value: unknown, endpoint: string) => T,
  request: EstPageRequest,
): EstPage<T> {
  if (Array.isArray(body)) {
    const items = body.map((item) => parseItem(item, endpoint));
    return { items, pageNumber: 1, pageSize: Math.max(items.length, request.size), totalItems: items.length };
  }
  const wire = WireReader.of(body ?? {}, endpoint, 'a page');
  const key = keys.find((candidate) => wire.object[candidate] !== undefined && wire.object[candidate] !== null);
  const raw = key === undefined ? [] : wire.object[key];
  if (!Array.isArray(raw)) {
    throw badResponse(endpoint, `field ${key ?? keys[0] ?? ''} is not a list`);
  }
  const items = raw.map((item) => parseItem(item, endpoint));
  const pageNumber = wire.optionalNumber('pageNumber') ?? request.page;
  const pageSize = wire.optionalNumber('pageSize') ?? wire.optionalNumber('size') ?? request.size;
  const totalItems = wire.optionalNumber('totalItems') ?? (pageNumber - 1) * pageSize + items.length;
  return { items, pageNumber, pageSize, totalItems };
}

export function parseIdItem(value: unknown, endpoint: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (isJsonObject(value) && typeof value['id'] === 'string') return value['id'];
  throw badResponse(endpoint, 'expected an id');
}

/**
 * `GET /trunks/{id}/credentialLists`: the spec answers `credentialListIds` (strings), the SDK
 * reads `credentialLists` (CredentialList objects). Either way the ids come out; the lists
 * too when the SDK shape was sent, so no further call is needed for them.
 */
export function parseCredentialListLink(value: unknown, endpoint: string): CredentialListLink {
  if (isJsonObject(value)) {
    const list = parseCredentialList(value, endpoint);
    return { id: list.id, list };
  }
  return { id: parseIdItem(value, endpoint), list: undefined };
}

export const TRUNK_CREDENTIAL_LIST_KEYS = ['credentialLists', 'credentialListIds'] as const;
