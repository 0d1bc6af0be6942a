import { GatewayError } from '../errors/GatewayError.js';
import type { LoaderScope } from '../upstream/LoaderScope.js';
import type { NumbersClient } from '../upstream/numbers/NumbersClient.js';
import type { ActiveNumber, ListActiveNumbersQuery } from '../upstream/numbers/numbersWireTypes.js';

/** Sinch's page size for a scan: `numbers` pages cost one upstream call each, so the largest page Sinch allows. */
export const SCAN_PAGE_SIZE = 100;

export interface ActiveNumberScan {
  client: NumbersClient;
  scope: LoaderScope;
  regionCode?: string | null;
  type?: ListActiveNumbersQuery['type'] | null;
  pageSize?: number;
  /** Pages read at most; the scan stops there with `truncated: true`. */
  maxPages: number;
  /** Called with every page, in order. */
  onPage: (numbers: ActiveNumber[]) => void;
}

export interface ActiveNumberScanResult {
  /** Numbers listed, over every page read. */
  scanned: number;
  /** Upstream list calls made: ceil(numbers / page size), at least 1. */
  pages: number;
  /** True when Sinch had more pages than `maxPages`. */
  truncated: boolean;
}

/**
 * Walks every page of a project's active numbers, in phone-number order. Sinch has no status
 * filter, so a question about provisioning is a walk of all pages; page tokens chain, so the
 * pages are read one after another. The request's signal (its deadline, or the client going
 * away) stops the walk between pages as well as inside a call.
 */
export async function scanActiveNumbers(scan: ActiveNumberScan): Promise<ActiveNumberScanResult> {
  let scanned = 0;
  let pages = 0;
  let pageToken = '';
  while (pages < scan.maxPages) {
    if (scan.scope.signal.aborted) throw new GatewayError('UPSTREAM_TIMEOUT', 'The request ended (its deadline passed, or the client went away) before the scan of active numbers finished.');
    const response = await scan.client.listActiveNumbers(scan.scope, {
      regionCode: scan.regionCode ?? undefined,
      type: scan.type ?? undefined,
      orderBy: 'phoneNumber',
      pageSize: scan.pageSize ?? SCAN_PAGE_SIZE,
      pageToken,
    });
    pages++;
    const listed = response.activeNumbers ?? [];
    scanned += listed.length;
    scan.onPage(listed);
    pageToken = response.nextPageToken ?? '';
    if (pageToken === '' || listed.length === 0) return { scanned, pages, truncated: false };
  }
  return { scanned, pages, truncated: true };
}
