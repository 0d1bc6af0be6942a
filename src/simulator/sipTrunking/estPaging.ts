import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { validationFailed } from './sipTrunkingErrors.js';

export interface PageWindow {
  page: number;
  size: number;
}

export type PageParse = { ok: true; value: PageWindow } | { ok: false; reply: SimulatorReply };

/** `page` (1-based, default 1) and `size` (default and maximum 500; `/calls` 100 and 1000), §6.4. */
export function parsePageWindow(request: SimulatorRequest, defaultSize = 500, maxSize = 500): PageParse {
  const page = integerParameter(request.query.get('page'), 1);
  const size = integerParameter(request.query.get('size'), defaultSize);
  if (page === undefined || page < 1) {
    return { ok: false, reply: validationFailed([{ field: 'page', description: 'must be an integer of at least 1' }]) };
  }
  if (size === undefined || size < 1 || size > maxSize) {
    return { ok: false, reply: validationFailed([{ field: 'size', description: `must be an integer from 1 to ${maxSize}` }]) };
  }
  return { ok: true, value: { page, size } };
}

function integerParameter(value: string | null, fallback: number): number | undefined {
  if (value === null || value === '') return fallback;
  return /^[0-9]{1,9}$/.test(value) ? Number(value) : undefined;
}

/**
 * One page of a list body. The paging fields satisfy both readers (REFERENCE §3.2, §6.4): the
 * SDK needs numeric `pageNumber`, `pageSize` and `totalItems`; the spec names the size `size`.
 */
export function pageBody<T>(items: readonly T[], window: PageWindow, render: (item: T) => unknown): Record<string, unknown> & { items: unknown[] } {
  const start = (window.page - 1) * window.size;
  return {
    items: items.slice(start, start + window.size).map(render),
    pageNumber: window.page,
    pageSize: window.size,
    size: window.size,
    totalItems: items.length,
  };
}

/** Renames `items` to the list's key: `{trunks: [...], pageNumber, ...}`. */
export function listReply<T>(key: string, items: readonly T[], window: PageWindow, render: (item: T) => unknown): SimulatorReply {
  const { items: page, ...paging } = pageBody(items, window, render);
  return { status: 200, body: { [key]: page, ...paging } };
}
