import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { EstPage, EstPageRequest } from '../../../upstream/sipTrunking/SipTrunkingModels.js';
import { decodeEstCursor, encodeEstCursor } from './EstCursor.js';
import type { CursorSealer } from '../../cursors/CursorSealer.js';

/** The cursor connection shape every list of the graph shares (same as `NumberConnection`). */
export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface ConnectionArguments {
  first?: number | null;
  after?: string | null;
}

export interface ConnectionOptions {
  /** Binds cursors to this list (and filter). */
  listKey: string;
  defaultFirst: number;
  /** 500 for EST lists, 1000 for calls (§6.4). */
  maxFirst: number;
  /** Seals the cursors issued and opens those handed back (the request's `context.cursors`). */
  cursors: CursorSealer;
}

/**
 * Turns EST page-number paging into a cursor connection. A cursor is an offset; when it is a
 * multiple of `first` (a client paging with a constant `first`, the usual case) the window is
 * exactly one upstream page. Otherwise it straddles two pages of size `first`, read in
 * parallel, so any `after` works with any `first` at a cost of at most two calls.
 */
export async function readEstConnection<T>(
  args: ConnectionArguments,
  options: ConnectionOptions,
  fetchPage: (request: EstPageRequest) => Promise<EstPage<T>>,
): Promise<Connection<T>> {
  const first = args.first ?? options.defaultFirst;
  if (!Number.isInteger(first) || first < 1 || first > options.maxFirst) {
    throw new InvalidInputError('first', `first must be an integer from 1 to ${options.maxFirst}.`);
  }
  const offset = args.after === undefined || args.after === null ? 0 : decodeEstCursor(args.after, options.listKey, options.cursors);
  const page = Math.floor(offset / first) + 1;
  const pages = await Promise.all(offset % first === 0 ? [fetchPage({ page, size: first })] : [fetchPage({ page, size: first }), fetchPage({ page: page + 1, size: first })]);
  const totalItems = Math.max(...pages.map((result) => result.totalItems));
  const items = pages.flatMap((result) => result.items).slice(offset % first, (offset % first) + first);
  const edges = items.map((node, index) => ({ cursor: encodeEstCursor(offset + index + 1, options.listKey, options.cursors), node }));
  return {
    totalCount: totalItems,
    nodes: items,
    edges,
    pageInfo: { hasNextPage: offset + items.length < totalItems, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
