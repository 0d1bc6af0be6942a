import type { LoaderScope } from '../upstream/LoaderScope.js';
import { describeProvisioningError } from '../upstream/numbers/describeProvisioningError.js';
import type { NumbersClient } from '../upstream/numbers/NumbersClient.js';
import type { ActiveNumber, ListActiveNumbersQuery } from '../upstream/numbers/numbersWireTypes.js';
import { toProvisioningState } from '../upstream/numbers/toProvisioningState.js';
import { SCAN_PAGE_SIZE, scanActiveNumbers } from './scanActiveNumbers.js';

/**
 * The default bound of one report (PROVISIONING_REPORT_MAX_NUMBERS): at most this many numbers
 * are read, in pages of SCAN_PAGE_SIZE, so one call costs at most 100 upstream list calls. A
 * project with more numbers gets `truncated: true` and the counts of the numbers read.
 */
export const MAX_REPORT_NUMBERS = 10_000;

export interface ProvisioningStateCounts {
  waiting: number;
  inProgress: number;
  failed: number;
  unspecified: number;
  /** Numbers with no provisioning request (none asked for, or it succeeded). */
  none: number;
}

export interface ProvisioningErrorCodeCount {
  code: string;
  upstreamCode: string;
  resubmittable: boolean;
  count: number;
}

export interface ProvisioningReportResult {
  scannedCount: number;
  pageCount: number;
  truncated: boolean;
  maxNumbers: number;
  sms: ProvisioningStateCounts;
  voice: ProvisioningStateCounts;
  errorCodes: ProvisioningErrorCodeCount[];
  failedNumbers: ActiveNumber[];
}

export interface ProvisioningReportRun {
  client: NumbersClient;
  scope: LoaderScope;
  regionCode?: string | null;
  type?: ListActiveNumbersQuery['type'] | null;
  /** The most numbers read; MAX_REPORT_NUMBERS when omitted. */
  maxNumbers?: number;
  /** Numbers per upstream page: SCAN_PAGE_SIZE, or `maxNumbers` when smaller. */
  pageSize?: number;
}

const KEYS = { WAITING: 'waiting', IN_PROGRESS: 'inProgress', FAILED: 'failed', UNSPECIFIED: 'unspecified' } as const;

/**
 * `provisioningReport`: one walk of every page of the project's active numbers (the scan bulk
 * resubmission uses), counted by SMS and voice provisioning state and by SMS error code, with
 * the numbers whose SMS provisioning FAILED. Error codes are counted once per number that
 * reports them, keyed by the public code (`10DLC_LIMIT_EXCEEDED`), in order of first sight.
 */
export async function provisioningReport(run: ProvisioningReportRun): Promise<ProvisioningReportResult> {
  const sms = emptyCounts();
  const voice = emptyCounts();
  const codes = new Map<string, ProvisioningErrorCodeCount>();
  const failedNumbers: ActiveNumber[] = [];
  const maxNumbers = run.maxNumbers ?? MAX_REPORT_NUMBERS;
  const pageSize = run.pageSize ?? Math.min(SCAN_PAGE_SIZE, maxNumbers);
  const maxPages = Math.max(1, Math.floor(maxNumbers / pageSize));
  const scan = await scanActiveNumbers({
    client: run.client,
    scope: run.scope,
    regionCode: run.regionCode,
    type: run.type,
    pageSize,
    maxPages,
    onPage: (listed) => {
      for (const number of listed) {
        const scheduled = number.smsConfiguration?.scheduledProvisioning;
        count(sms, scheduled);
        count(voice, number.voiceConfiguration?.scheduledVoiceProvisioning);
        if (scheduled == null || toProvisioningState(scheduled.status) !== 'FAILED') continue;
        failedNumbers.push(number);
        for (const upstreamCode of new Set(scheduled.errorCodes ?? [])) {
          const description = describeProvisioningError(upstreamCode);
          const entry = codes.get(description.code) ?? { code: description.code, upstreamCode, resubmittable: description.resubmittable, count: 0 };
          entry.count++;
          codes.set(description.code, entry);
        }
      }
    },
  });
  return {
    scannedCount: scan.scanned,
    pageCount: scan.pages,
    truncated: scan.truncated,
    maxNumbers: maxPages * pageSize,
    sms,
    voice,
    errorCodes: [...codes.values()],
    failedNumbers,
  };
}

function emptyCounts(): ProvisioningStateCounts {
  return { waiting: 0, inProgress: 0, failed: 0, unspecified: 0, none: 0 };
}

function count(counts: ProvisioningStateCounts, scheduled: { status?: string } | null | undefined): void {
  if (scheduled == null) counts.none++;
  else counts[KEYS[toProvisioningState(scheduled.status)]]++;
}
