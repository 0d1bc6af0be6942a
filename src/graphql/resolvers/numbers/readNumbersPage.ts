import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { NumberFilter } from '../../../generated/graphql.js';
import type { NumbersLoaders } from '../../../upstream/numbers/createNumbersLoaders.js';
import type { ActiveNumber } from '../../../upstream/numbers/numbersWireTypes.js';
import { numbersCursorCodec } from './NumbersCursor.js';
import type { NumbersCursor } from './NumbersCursor.js';
import type { CursorSealer } from '../../cursors/CursorSealer.js';
import { toActiveNumbersQuery } from './toActiveNumbersQuery.js';

export const DEFAULT_NUMBERS_PAGE_SIZE = 20;
export const MAX_NUMBERS_PAGE_SIZE = 100;
/** Upstream pages followed to reach a cursor's offset, in case Sinch returns shorter pages than asked for. */
const MAX_PAGE_HOPS = 5;

export interface NumbersPage {
  totalCount: number;
  edges: Array<{ cursor: string; node: ActiveNumber }>;
  nodes: ActiveNumber[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * One page of the `numbers` connection over Sinch's token paging. The cursor names an upstream
 * page token and an offset into that page; the gateway asks for `offset + first` numbers from
 * that token and skips `offset`. A cursor at the end of an upstream page is written as the next
 * page's token with offset 0, so paging straight through costs exactly one upstream call per
 * page (docs/schema-numbers.md, "Paging").
 */
export async function readNumbersPage(
  loaders: NumbersLoaders,
  filter: NumberFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  sealer: CursorSealer,
): Promise<NumbersPage> {
  const size = first ?? DEFAULT_NUMBERS_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_NUMBERS_PAGE_SIZE) {
    throw new InvalidInputError('first', `first must be between 1 and ${MAX_NUMBERS_PAGE_SIZE}.`);
  }
  const query = toActiveNumbersQuery(filter);
  const cursors = numbersCursorCodec(JSON.stringify(query), sealer);
  let position: NumbersCursor = after == null ? { pageToken: '', offset: 0 } : cursors.decode(after);

  for (let hop = 0; ; hop++) {
    const page = await loaders.activeNumbersPage.load({ ...query, pageSize: position.offset + size, pageToken: position.pageToken });
    const listed = page.activeNumbers ?? [];
    const nextPageToken = page.nextPageToken ?? '';
    if (position.offset >= listed.length && nextPageToken !== '' && hop < MAX_PAGE_HOPS) {
      position = { pageToken: nextPageToken, offset: position.offset - listed.length };
      continue;
    }
    const start = position;
    const cursorAt = (offset: number): string =>
      cursors.encode(offset >= listed.length && nextPageToken !== '' ? { pageToken: nextPageToken, offset: 0 } : { pageToken: start.pageToken, offset });
    const nodes = listed.slice(start.offset, start.offset + size);
    const hasNextPage = start.offset + nodes.length < listed.length || nextPageToken !== '';
    return {
      totalCount: page.totalSize ?? listed.length,
      // Built only when a query selects `edges`: most select `nodes`, and a cursor per number costs.
      get edges() {
        return nodes.map((node, index) => ({ node, cursor: cursorAt(start.offset + index + 1) }));
      },
      nodes,
      // Sealed only when selected too: one HMAC per page was 2.5% of the CPU of a page of 100
      // numbers that asks for no cursor (bench/profile.md, third round).
      get pageInfo() {
        return { hasNextPage, endCursor: hasNextPage ? cursorAt(start.offset + nodes.length) : null };
      },
    };
  }
}
