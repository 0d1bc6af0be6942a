import type { ActiveNumberRecord } from './ActiveNumberRecord.js';
import { invalidArgument } from './numbersErrors.js';
import { NUMBER_CAPABILITIES, NUMBER_TYPES, ORDER_BY_FIELDS } from './numbersEnums.js';
import { matchesNumberPattern, readEnumList, readNumberPattern, readOptionalEnum, readOptionalInteger } from './parseNumberQuery.js';
import type { Parsed } from './parseRequestBody.js';

export const DEFAULT_ACTIVE_NUMBERS_PAGE_SIZE = 100;
export const MAX_ACTIVE_NUMBERS_PAGE_SIZE = 1000;

export interface ActiveNumbersPage {
  activeNumbers: ActiveNumberRecord[];
  /** `""` on the last page: the SDKs stop paging when the token is falsy. */
  nextPageToken: string;
  /** How many numbers match the filters, across all pages. */
  totalSize: number;
}

/** Page tokens are opaque to clients; inside they are just the offset of the next page. */
function encodePageToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodePageToken(token: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** `GET /activeNumbers`: filters, ordering and token paging over the stored numbers. */
export function listActiveNumbers(records: Iterable<ActiveNumberRecord>, query: URLSearchParams): Parsed<ActiveNumbersPage> {
  const type = readOptionalEnum(query, 'type', NUMBER_TYPES);
  if (!type.ok) return type;
  const capabilities = readEnumList(query, 'capability', NUMBER_CAPABILITIES);
  if (!capabilities.ok) return capabilities;
  const orderBy = readOptionalEnum(query, 'orderBy', ORDER_BY_FIELDS);
  if (!orderBy.ok) return orderBy;
  const pageSize = readOptionalInteger(query, 'pageSize');
  if (!pageSize.ok) return pageSize;
  const pattern = readNumberPattern(
    query.get('numberPattern.pattern') ?? undefined,
    query.get('numberPattern.searchPattern') ?? undefined,
    'numberPattern.',
  );
  if (!pattern.ok) return pattern;
  const pageToken = query.get('pageToken') ?? '';
  const offset = pageToken === '' ? 0 : decodePageToken(pageToken);
  if (offset === undefined) {
    const description = `"${pageToken}" is not a page token returned by this API`;
    return { ok: false, reply: invalidArgument(description, [{ field: 'pageToken', description }]) };
  }
  const regionCode = query.get('regionCode')?.toUpperCase() ?? '';

  const matching = [...records].filter(
    (record) =>
      (regionCode === '' || record.regionCode === regionCode) &&
      (type.value === undefined || record.type === type.value) &&
      capabilities.value.every((capability) => record.capability.includes(capability)) &&
      matchesNumberPattern(record.phoneNumber, pattern.value),
  );
  const byPhoneNumber = (left: ActiveNumberRecord, right: ActiveNumberRecord) => left.phoneNumber.localeCompare(right.phoneNumber);
  matching.sort(
    orderBy.value === 'displayName'
      ? (left, right) => left.displayName.localeCompare(right.displayName) || byPhoneNumber(left, right)
      : byPhoneNumber,
  );
  const size = Math.min(pageSize.value || DEFAULT_ACTIVE_NUMBERS_PAGE_SIZE, MAX_ACTIVE_NUMBERS_PAGE_SIZE);
  const end = offset + size;
  return {
    ok: true,
    value: {
      activeNumbers: matching.slice(offset, end),
      nextPageToken: end < matching.length ? encodePageToken(end) : '',
      totalSize: matching.length,
    },
  };
}
