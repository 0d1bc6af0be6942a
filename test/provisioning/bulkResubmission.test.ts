import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BulkResubmission } from '../../src/provisioning/BulkResubmission.js';
import { SMS_ERROR_CODES } from '../../src/simulator/numbers/numbersEnums.js';
import { SEEDED_EST_FAILED_NUMBERS, SEEDED_NUMBER_COUNT, SEEDED_PHONE_NUMBERS, SHOWCASE_PENDING_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { describeProvisioningError } from '../../src/upstream/numbers/describeProvisioningError.js';
import type { NumbersClient } from '../../src/upstream/numbers/NumbersClient.js';
import type { ActiveNumber } from '../../src/upstream/numbers/numbersWireTypes.js';
import { SIMULATOR_PROJECT_ID, startProvisioningGateway } from '../subscriptions/support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from '../subscriptions/support/startProvisioningGateway.js';

const BULK = `mutation ($dryRun: Boolean, $filter: FailedProvisioningFilter) {
  resubmitFailedProvisioning(dryRun: $dryRun, filter: $filter) {
    dryRun scannedCount resubmittedCount skippedCount failedCount
    outcomes { phoneNumber result skipReason errorCode errorMessage provisioningErrors { ... on ProvisioningErrorDetails { code resubmittable } } number { sms { scheduledProvisioning { status } } } }
  }
}`;

interface Outcome {
  phoneNumber: string;
  result: string;
  skipReason: string | null;
  errorCode: string | null;
  number: { sms: { scheduledProvisioning: { status: string } | null } };
}
interface BulkData {
  resubmitFailedProvisioning: { dryRun: boolean; scannedCount: number; resubmittedCount: number; skippedCount: number; failedCount: number; outcomes: Outcome[] };
}

const SHOWCASE_FAILED_NUMBERS = SEEDED_PHONE_NUMBERS.showcase.filter((phoneNumber) => !SHOWCASE_PENDING_NUMBERS.includes(phoneNumber));
const FAILED_NUMBERS = [...SHOWCASE_FAILED_NUMBERS, ...SEEDED_EST_FAILED_NUMBERS, ...Object.values(SEEDED_PHONE_NUMBERS.failedByCode), SEEDED_PHONE_NUMBERS.failedWithTwoCodes, SEEDED_PHONE_NUMBERS.failedWithUnknownCode];
const logger = pino({ level: 'silent' });

describe('Mutation resubmitFailedProvisioning', () => {
  let gateway: ProvisioningTestGateway;
  const run = async (variables: Record<string, unknown> = {}) => {
    const response = await gateway.query<BulkData>(BULK, variables);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.resubmitFailedProvisioning as BulkData['resubmitFailedProvisioning'];
  };
  const patches = async () => (await gateway.admin.requests('NUMBERS')).filter((entry) => entry.method === 'PATCH').map((entry) => decodeURIComponent(entry.path.split('/').at(-1) ?? ''));

  beforeAll(async () => {
    gateway = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'off' } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());
  afterEach(() => gateway.admin.clearFaults());

  describe('which codes are resubmitted: the catalogue rule, code by code (dry run)', () => {
    let outcomes: Map<string, Outcome>;
    beforeAll(async () => {
      await gateway.admin.reset();
      const result = await run({ dryRun: true });
      expect(result).toMatchObject({ dryRun: true, scannedCount: SEEDED_NUMBER_COUNT, failedCount: 0 });
      expect(result.outcomes.map((outcome) => outcome.phoneNumber)).toEqual(FAILED_NUMBERS);
      outcomes = new Map(result.outcomes.map((outcome) => [outcome.phoneNumber, outcome]));
      expect(await patches()).toEqual([]);
    });

    it.each(SMS_ERROR_CODES.map((code) => [code, describeProvisioningError(code).resubmittable] as const))('%s → resubmittable %s', (code, resubmittable) => {
      const outcome = outcomes.get(SEEDED_PHONE_NUMBERS.failedByCode[code]);
      expect(outcome).toMatchObject(resubmittable ? { result: 'WOULD_RESUBMIT', skipReason: null } : { result: 'SKIPPED', skipReason: 'NOT_RESUBMITTABLE' });
    });

    it('resubmits two codes only when both are resubmittable, and never an unknown code', () => {
      expect(outcomes.get(SEEDED_PHONE_NUMBERS.failedWithTwoCodes)).toMatchObject({ result: 'WOULD_RESUBMIT' });
      expect(outcomes.get(SEEDED_PHONE_NUMBERS.failedWithUnknownCode)).toMatchObject({ result: 'SKIPPED', skipReason: 'NOT_RESUBMITTABLE' });
    });
  });

  it('resubmits every resubmittable number; a second run resubmits nothing twice', async () => {
    const first = await run();
    const expected = first.outcomes.filter((outcome) => outcome.result === 'RESUBMITTED').map((outcome) => outcome.phoneNumber);
    expect(first.resubmittedCount).toBe(expected.length);
    expect(first.resubmittedCount).toBeGreaterThan(5);
    expect(first.outcomes.filter((outcome) => outcome.result === 'RESUBMITTED').every((outcome) => outcome.number.sms.scheduledProvisioning?.status === 'WAITING')).toBe(true);
    expect((await patches()).sort()).toEqual([...expected].sort());

    await gateway.admin.clearRequests();
    const second = await run();
    expect(second).toMatchObject({ resubmittedCount: 0, failedCount: 0 });
    expect(second.outcomes.every((outcome) => outcome.result === 'SKIPPED')).toBe(true);
    expect(await patches()).toEqual([]);
  });

  it('reports a failed PATCH for its number only; the others go on', async () => {
    const broken = SEEDED_PHONE_NUMBERS.failedByCode.MNO_SHARING_ERROR;
    await gateway.admin.addFault({ path: `activeNumbers/\\${broken}$`, method: 'PATCH', status: 503, body: { error: { code: 503, message: 'unavailable', status: 'UNAVAILABLE', details: [] } } });
    const result = await run({ filter: { errorCodes: ['MNO_SHARING_ERROR', 'PARTNER_SERVICE_UNAVAILABLE', 'INSUFFICIENT_BALANCE'] } });
    const [showcasePartnerUnavailable, , , , , , showcaseMnoSharing] = SEEDED_PHONE_NUMBERS.showcase;
    expect(result.outcomes.map((outcome) => [outcome.phoneNumber, outcome.result, outcome.errorCode])).toEqual([
      [showcasePartnerUnavailable, 'RESUBMITTED', null],
      [showcaseMnoSharing, 'RESUBMITTED', null],
      [SEEDED_PHONE_NUMBERS.failedByCode.PARTNER_SERVICE_UNAVAILABLE, 'RESUBMITTED', null],
      [broken, 'FAILED', 'UPSTREAM_UNAVAILABLE'],
      [SEEDED_PHONE_NUMBERS.failedByCode.INSUFFICIENT_BALANCE, 'RESUBMITTED', null],
      [SEEDED_PHONE_NUMBERS.failedWithTwoCodes, 'RESUBMITTED', null],
    ]);
    expect(result).toMatchObject({ resubmittedCount: 5, failedCount: 1, skippedCount: 0 });
  });

  it('scans every page', async () => {
    const bulk = new BulkResubmission(4, 10);
    const scope = { projectId: SIMULATOR_PROJECT_ID, signal: new AbortController().signal };
    const result = await bulk.run({ client: gateway.gateway.clients.numbers, scope, filter: {}, dryRun: true, logger });
    expect(result.scannedCount).toBe(SEEDED_NUMBER_COUNT);
    expect(result.outcomes.map((outcome) => outcome.phoneNumber)).toEqual(FAILED_NUMBERS);
    const lists = (await gateway.admin.requests('NUMBERS')).filter((entry) => entry.method === 'GET' && entry.path.endsWith('/activeNumbers'));
    expect(lists).toHaveLength(Math.ceil(SEEDED_NUMBER_COUNT / 10));
  });
});

describe('BulkResubmission: bounded concurrency', () => {
  it('never has more than `concurrency` PATCHes in flight', async () => {
    const failed = Array.from({ length: 20 }, (_, index): ActiveNumber => ({
      phoneNumber: `+1201555${String(index).padStart(4, '0')}`,
      smsConfiguration: { scheduledProvisioning: { status: 'FAILED', servicePlanId: 'plan', errorCodes: ['PARTNER_SERVICE_UNAVAILABLE'] } },
    }));
    let inFlight = 0;
    let highest = 0;
    const client = {
      listActiveNumbers: async () => ({ activeNumbers: failed, nextPageToken: '' }),
      updateActiveNumber: async (_scope: unknown, phoneNumber: string) => {
        inFlight += 1;
        highest = Math.max(highest, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        if (phoneNumber.endsWith('0007')) throw new TypeError('boom');
        return { phoneNumber, smsConfiguration: { scheduledProvisioning: { status: 'WAITING' } } };
      },
    } as unknown as NumbersClient;
    const result = await new BulkResubmission(4).run({ client, scope: { projectId: 'p', signal: new AbortController().signal }, filter: {}, dryRun: false, logger });
    expect(highest).toBe(4);
    expect(result).toMatchObject({ resubmittedCount: 19, failedCount: 1 });
    expect(result.outcomes[7]).toMatchObject({ result: 'FAILED', errorCode: 'INTERNAL_SERVER_ERROR', errorMessage: 'Internal server error' });
  });
});
