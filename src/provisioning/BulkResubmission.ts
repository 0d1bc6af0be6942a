import type { Logger } from 'pino';
import type { ErrorCode } from '../errors/ErrorCode.js';
import { GatewayError } from '../errors/GatewayError.js';
import type { LoaderScope } from '../upstream/LoaderScope.js';
import { describeProvisioningError } from '../upstream/numbers/describeProvisioningError.js';
import { isResubmittable } from '../upstream/numbers/isResubmittable.js';
import type { NumbersClient } from '../upstream/numbers/NumbersClient.js';
import type { ActiveNumber, ListActiveNumbersQuery } from '../upstream/numbers/numbersWireTypes.js';
import type { ProvisioningErrorDescription } from '../upstream/numbers/ProvisioningErrorDescription.js';
import { UpstreamError } from '../upstream/UpstreamError.js';
import { SCAN_PAGE_SIZE, scanActiveNumbers } from './scanActiveNumbers.js';

/** The number of pages is bounded in case a token ever loops. */
const MAX_SCAN_PAGES = 10_000;

export type ResubmissionResult = 'RESUBMITTED' | 'WOULD_RESUBMIT' | 'SKIPPED' | 'FAILED';
export type ResubmissionSkipReason = 'NOT_RESUBMITTABLE' | 'NO_SERVICE_PLAN' | 'ALREADY_RESUBMITTING';

export interface ResubmissionOutcome {
  phoneNumber: string;
  result: ResubmissionResult;
  skipReason: ResubmissionSkipReason | null;
  errorCode: ErrorCode | null;
  errorMessage: string | null;
  provisioningErrors: ProvisioningErrorDescription[];
  /** After the resubmission when RESUBMITTED; as listed otherwise. */
  number: ActiveNumber;
}

export interface BulkResubmissionResult {
  dryRun: boolean;
  scannedCount: number;
  resubmittedCount: number;
  skippedCount: number;
  failedCount: number;
  outcomes: ResubmissionOutcome[];
}

export interface FailedProvisioningFilter {
  regionCode?: string | null;
  type?: ListActiveNumbersQuery['type'] | null;
  /** Matches the public code (`10DLC_LIMIT_EXCEEDED`) or the code as Sinch sent it. */
  errorCodes?: readonly string[] | null;
}

export interface BulkResubmissionRun {
  client: NumbersClient;
  scope: LoaderScope;
  filter: FailedProvisioningFilter;
  dryRun: boolean;
  /** Told about every number resubmitted, with Sinch's answer (the lifecycle publishes WAITING). */
  onResubmitted?: (number: ActiveNumber) => void;
  logger: Logger;
}

/**
 * `resubmitFailedProvisioning`: scans every page of the project's active numbers, and resubmits
 * each FAILED SMS provisioning whose errors are all resubmittable (the catalogue's rule,
 * `isResubmittable`), with the failed request's own service plan and campaign, at most
 * `concurrency` PATCHes at a time. Every number gets its own outcome; one failure never stops the
 * others. Idempotent by construction: a resubmitted number is WAITING, not FAILED, so a second
 * run does not see it; and a number whose resubmission through this gateway is still in flight
 * (two runs at once) is skipped as ALREADY_RESUBMITTING rather than patched twice.
 */
export class BulkResubmission {
  readonly #inFlight = new Set<string>();

  constructor(
    private readonly concurrency: number,
    private readonly pageSize = SCAN_PAGE_SIZE,
  ) {}

  async run(run: BulkResubmissionRun): Promise<BulkResubmissionResult> {
    const { numbers: scanned, failed } = await this.#scan(run);
    const outcomes: ResubmissionOutcome[] = new Array(failed.length);
    let next = 0;
    const worker = async () => {
      while (next < failed.length) {
        const index = next++;
        outcomes[index] = await this.#resubmitOne(run, failed[index] as ActiveNumber);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, failed.length) }, worker));
    const count = (result: ResubmissionResult) => outcomes.filter((outcome) => outcome.result === result).length;
    return {
      dryRun: run.dryRun,
      scannedCount: scanned,
      resubmittedCount: count(run.dryRun ? 'WOULD_RESUBMIT' : 'RESUBMITTED'),
      skippedCount: count('SKIPPED'),
      failedCount: count('FAILED'),
      outcomes,
    };
  }

  /** Every page: a FAILED number on page 7 is as failed as one on page 1. */
  async #scan(run: BulkResubmissionRun): Promise<{ numbers: number; failed: ActiveNumber[] }> {
    const { filter } = run;
    const failed: ActiveNumber[] = [];
    const { scanned } = await scanActiveNumbers({
      client: run.client,
      scope: run.scope,
      regionCode: filter.regionCode,
      type: filter.type,
      pageSize: this.pageSize,
      maxPages: MAX_SCAN_PAGES,
      onPage: (listed) => {
        failed.push(...listed.filter((number) => number.smsConfiguration?.scheduledProvisioning?.status === 'FAILED' && matchesCodes(number, filter.errorCodes)));
      },
    });
    return { numbers: scanned, failed };
  }

  async #resubmitOne(run: BulkResubmissionRun, number: ActiveNumber): Promise<ResubmissionOutcome> {
    const phoneNumber = number.phoneNumber ?? '';
    const scheduled = number.smsConfiguration?.scheduledProvisioning;
    const outcome = (result: ResubmissionResult, extra: Partial<ResubmissionOutcome> = {}): ResubmissionOutcome => ({
      phoneNumber,
      result,
      skipReason: null,
      errorCode: null,
      errorMessage: null,
      provisioningErrors: (scheduled?.errorCodes ?? []).map(describeProvisioningError),
      number,
      ...extra,
    });
    if (!isResubmittable(scheduled)) return outcome('SKIPPED', { skipReason: 'NOT_RESUBMITTABLE' });
    const servicePlanId = scheduled?.servicePlanId ?? '';
    if (servicePlanId === '') return outcome('SKIPPED', { skipReason: 'NO_SERVICE_PLAN' });
    if (run.dryRun) return outcome('WOULD_RESUBMIT');

    const key = JSON.stringify([run.scope.projectId, phoneNumber]);
    if (this.#inFlight.has(key)) return outcome('SKIPPED', { skipReason: 'ALREADY_RESUBMITTING' });
    this.#inFlight.add(key);
    try {
      const campaignId = scheduled?.campaignId ?? '';
      const smsConfiguration = campaignId === '' ? { servicePlanId } : { servicePlanId, campaignId };
      const updated = await run.client.updateActiveNumber(run.scope, phoneNumber, { smsConfiguration });
      run.onResubmitted?.(updated);
      return outcome('RESUBMITTED', { number: updated });
    } catch (error) {
      const known = error instanceof UpstreamError || error instanceof GatewayError;
      if (!known) run.logger.error({ err: error, phoneNumber }, 'unexpected error while resubmitting a provisioning request');
      return outcome('FAILED', {
        errorCode: known ? error.code : 'INTERNAL_SERVER_ERROR',
        errorMessage: known ? error.message : 'Internal server error',
      });
    } finally {
      this.#inFlight.delete(key);
    }
  }
}

function matchesCodes(number: ActiveNumber, codes: readonly string[] | null | undefined): boolean {
  if (codes == null || codes.length === 0) return true;
  const reported = number.smsConfiguration?.scheduledProvisioning?.errorCodes ?? [];
  return reported.some((code) => codes.includes(code) || codes.includes(describeProvisioningError(code).code));
}
