import DataLoader from 'dataloader';
import { measuredBatch } from '../measuredBatch.js';
import type { LoaderScope } from '../LoaderScope.js';
import { isNotFound } from './isNotFound.js';
import type { NumbersClient } from './NumbersClient.js';
import type { ActiveNumber, ListActiveNumbersQuery, ListActiveNumbersResponse } from './numbersWireTypes.js';

/** The per-request DataLoaders of the Numbers API. */
export interface NumbersLoaders {
  /**
   * Active numbers by phone number; null when Sinch answers 404 (not rented by this project).
   * The API has no batch read, so a batch is parallel GETs; the cache is what matters: a number
   * asked for twice in one operation is fetched once.
   */
  activeNumber: DataLoader<string, ActiveNumber | null>;
  /**
   * Pages of `GET /activeNumbers` by query. Every number on a page is remembered for
   * `activeNumber`, so a number listed and then fetched costs no further call.
   */
  activeNumbersPage: DataLoader<ListActiveNumbersQuery, ListActiveNumbersResponse, string>;
}

/**
 * Loaders live for one GraphQL request and one project (the scope), so nothing cached here is
 * ever shown to another request. Both batch functions return exactly one value or Error per
 * key, in key order: one failed lookup fails only the fields that asked for it.
 *
 * Listing and fetching meet in one subtle spot. Sibling fields run concurrently, so in
 * `{ numbers { ... } number(phoneNumber: $x) { ... } }` both loaders are called in the same
 * tick, before the list has answered, and priming alone would come too late. So the
 * `activeNumber` batch is dispatched one macrotask later (after the list batch has started),
 * waits for any list call of this request still in flight, and takes numbers those lists
 * returned instead of fetching them. A number that no list returns costs its GET, after the list.
 */
export function createNumbersLoaders(client: NumbersClient, scope: LoaderScope): NumbersLoaders {
  const listsInFlight = new Set<Promise<unknown>>();
  // Pages this request listed, indexed by phone number only when a lookup needs them: most
  // operations that list never look a number up (bench/profile.md, third round).
  const listedPages: ListActiveNumbersResponse[] = [];
  const listed = new Map<string, ActiveNumber>();
  let pagesIndexed = 0;
  const listedNumber = (phoneNumber: string): ActiveNumber | undefined => {
    for (; pagesIndexed < listedPages.length; pagesIndexed += 1) {
      for (const number of listedPages[pagesIndexed]?.activeNumbers ?? []) {
        if (number.phoneNumber !== undefined) listed.set(number.phoneNumber, number);
      }
    }
    return listed.get(phoneNumber);
  };

  const activeNumber = new DataLoader<string, ActiveNumber | null>(
    measuredBatch(scope, 'numbers.activeNumber', async (phoneNumbers: readonly string[]) => {
      while (listsInFlight.size > 0) {
        await Promise.allSettled([...listsInFlight]);
      }
      return Promise.all(
        phoneNumbers.map((phoneNumber) => listedNumber(phoneNumber) ?? client.getActiveNumber(scope, phoneNumber).then(nonNull, nullWhenNotFound)),
      );
    }),
    { batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );

  const activeNumbersPage = new DataLoader<ListActiveNumbersQuery, ListActiveNumbersResponse, string>(
    measuredBatch(scope, 'numbers.activeNumbersPage', (queries: readonly ListActiveNumbersQuery[]) => {
      const pages = Promise.all(queries.map((query) => client.listActiveNumbers(scope, query).then(remember, asError)));
      listsInFlight.add(pages);
      return pages.finally(() => listsInFlight.delete(pages));
    }),
    { cacheKeyFn: activeNumbersQueryKey },
  );

  function remember(page: ListActiveNumbersResponse): ListActiveNumbersResponse {
    // Not primed into the loader: a settled promise per listed number, for the rare operation
    // that also asks for one of them by number; its batch reads the listed pages instead.
    listedPages.push(page);
    return page;
  }

  return { activeNumber, activeNumbersPage };
}

/** Equal queries, however their properties were ordered or left undefined, share one key. */
function activeNumbersQueryKey(query: ListActiveNumbersQuery): string {
  return JSON.stringify([
    query.regionCode,
    query.type,
    query.capabilities,
    query.pattern?.pattern,
    query.pattern?.searchPattern,
    query.orderBy,
    query.pageSize,
    query.pageToken,
  ]);
}

function nonNull(number: ActiveNumber): ActiveNumber | null {
  return number;
}

/** A 404 for one number is an answer ("not yours"), not a failure; anything else fails that key. */
function nullWhenNotFound(error: unknown): null | Error {
  if (isNotFound(error)) {
    return null;
  }
  return asError(error);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
