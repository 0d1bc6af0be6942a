import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { provisioningReport } from '../../src/provisioning/ProvisioningReport.js';
import { SEEDED_NUMBER_COUNT, SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { describeProvisioningError } from '../../src/upstream/numbers/describeProvisioningError.js';
import { SIMULATOR_PROJECT_ID, startProvisioningGateway } from '../subscriptions/support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from '../subscriptions/support/startProvisioningGateway.js';
import type { GraphQLResponse } from '../support/startTestGateway.js';

const LIST_ROUTE = 'GET /v1/projects/{projectId}/activeNumbers';

const REPORT = `query ($regionCode: String) {
  provisioningReport(regionCode: $regionCode) {
    scannedCount pageCount truncated maxNumbers
    sms { waiting inProgress failed unspecified none }
    voice { waiting inProgress failed unspecified none }
    errorCodes { code upstreamCode resubmittable count }
    failedNumbers {
      phoneNumber resubmittable
      errors { __typename ... on ProvisioningErrorDetails { code upstreamCode resubmittable } }
      number { phoneNumber sms { scheduledProvisioning { status } } }
    }
  }
}`;

const WALK = `query ($after: String) {
  numbers(first: 13, after: $after) {
    nodes { phoneNumber sms { scheduledProvisioning { status errors { ... on ProvisioningErrorDetails { code } } } } voice { scheduledProvisioning { status } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Counts = { waiting: number; inProgress: number; failed: number; unspecified: number; none: number };
interface Report {
  scannedCount: number;
  pageCount: number;
  truncated: boolean;
  maxNumbers: number;
  sms: Counts;
  voice: Counts;
  errorCodes: Array<{ code: string; upstreamCode: string; resubmittable: boolean; count: number }>;
  failedNumbers: Array<{
    phoneNumber: string;
    resubmittable: boolean;
    errors: Array<{ __typename: string; code: string; upstreamCode: string; resubmittable: boolean }>;
    number: { phoneNumber: string; sms: { scheduledProvisioning: { status: string } | null } };
  }>;
}
interface WalkedNumber {
  phoneNumber: string;
  sms: { scheduledProvisioning: { status: string; errors: Array<{ code: string }> } | null };
  voice: { scheduledProvisioning: { status: string } | null } | null;
}

interface WalkPage {
  numbers: { nodes: WalkedNumber[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const KEY = { WAITING: 'waiting', IN_PROGRESS: 'inProgress', FAILED: 'failed', UNSPECIFIED: 'unspecified' } as const;

function countsOf(states: Array<string | undefined>): Counts {
  const counts: Counts = { waiting: 0, inProgress: 0, failed: 0, unspecified: 0, none: 0 };
  for (const state of states) counts[state === undefined ? 'none' : KEY[state as keyof typeof KEY]]++;
  return counts;
}

describe('Query provisioningReport', () => {
  let gateway: ProvisioningTestGateway;
  const listCalls = async () => (await gateway.admin.requests('NUMBERS')).filter((entry) => entry.route === LIST_ROUTE);
  const report = async (variables: Record<string, unknown> = {}) => {
    const response = await gateway.query<{ provisioningReport: Report }>(REPORT, variables);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.provisioningReport as Report;
  };
  const walk = async (): Promise<WalkedNumber[]> => {
    const all: WalkedNumber[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse<WalkPage> = await gateway.query<WalkPage>(WALK, { after });
      expect(response.body.errors).toBeUndefined();
      const page: WalkPage['numbers'] | undefined = response.body.data?.numbers;
      all.push(...(page?.nodes ?? []));
      if (page?.pageInfo.hasNextPage !== true) return all;
      after = page.pageInfo.endCursor;
    }
  };

  beforeAll(async () => {
    gateway = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'off' } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  it('counts match a walk of numbers, page by page, and it costs ceil(numbers / 100) list calls', async () => {
    const result = await report();
    expect(await listCalls()).toHaveLength(Math.ceil(SEEDED_NUMBER_COUNT / 100));
    expect(result).toMatchObject({ scannedCount: SEEDED_NUMBER_COUNT, pageCount: Math.ceil(SEEDED_NUMBER_COUNT / 100), truncated: false, maxNumbers: 10_000 });

    const walked = await walk();
    expect(walked).toHaveLength(SEEDED_NUMBER_COUNT);
    expect(result.sms).toEqual(countsOf(walked.map((number) => number.sms.scheduledProvisioning?.status)));
    expect(result.voice).toEqual(countsOf(walked.map((number) => number.voice?.scheduledProvisioning?.status)));
    expect(result.sms.failed).toBeGreaterThan(5);
    expect(result.sms.waiting + result.sms.inProgress).toBeGreaterThan(0);

    const failed = walked.filter((number) => number.sms.scheduledProvisioning?.status === 'FAILED');
    expect(result.failedNumbers.map((number) => number.phoneNumber)).toEqual(failed.map((number) => number.phoneNumber));
    const expectedCodes = new Map<string, number>();
    for (const number of failed) {
      for (const code of new Set(number.sms.scheduledProvisioning?.errors.map((error) => error.code))) expectedCodes.set(code, (expectedCodes.get(code) ?? 0) + 1);
    }
    expect(new Map(result.errorCodes.map((entry) => [entry.code, entry.count]))).toEqual(expectedCodes);
  });

  it('gives every failed number its typed errors, code by code', async () => {
    const result = await report();
    const byNumber = new Map(result.failedNumbers.map((number) => [number.phoneNumber, number]));
    for (const [upstreamCode, phoneNumber] of Object.entries(SEEDED_PHONE_NUMBERS.failedByCode)) {
      const description = describeProvisioningError(upstreamCode);
      const failed = byNumber.get(phoneNumber);
      expect(failed?.errors, upstreamCode).toEqual([expect.objectContaining({ code: description.code, upstreamCode, resubmittable: description.resubmittable })]);
      expect(failed?.errors[0]?.__typename).not.toBe('UnknownProvisioningError');
      expect(failed?.resubmittable).toBe(description.resubmittable);
      expect(failed?.number).toEqual({ phoneNumber, sms: { scheduledProvisioning: { status: 'FAILED' } } });
      expect(result.errorCodes.find((entry) => entry.code === description.code)).toMatchObject({ upstreamCode, resubmittable: description.resubmittable });
    }
    expect(byNumber.get(SEEDED_PHONE_NUMBERS.failedWithTwoCodes)?.errors).toHaveLength(2);
    expect(byNumber.get(SEEDED_PHONE_NUMBERS.failedWithUnknownCode)?.errors.map((error) => error.__typename)).toEqual(['UnknownProvisioningError']);
  });

  it('walks every page: with pages of 7, ceil(numbers / 7) list calls, the same counts', async () => {
    const viaGraphql = await report();
    await gateway.admin.clearRequests();
    const scope = { projectId: SIMULATOR_PROJECT_ID, signal: new AbortController().signal };
    const paged = await provisioningReport({ client: gateway.gateway.clients.numbers, scope, pageSize: 7 });
    const calls = await listCalls();
    expect(calls).toHaveLength(Math.ceil(SEEDED_NUMBER_COUNT / 7));
    expect(paged).toMatchObject({ scannedCount: SEEDED_NUMBER_COUNT, pageCount: calls.length, truncated: false, sms: viaGraphql.sms, voice: viaGraphql.voice });
    expect(paged.failedNumbers.map((number) => number.phoneNumber)).toEqual(viaGraphql.failedNumbers.map((number) => number.phoneNumber));
  });

  it('stops at the bound: truncated, with the counts of the numbers read and no further call', async () => {
    const scope = { projectId: SIMULATOR_PROJECT_ID, signal: new AbortController().signal };
    const bounded = await provisioningReport({ client: gateway.gateway.clients.numbers, scope, pageSize: 10, maxNumbers: 30 });
    expect(await listCalls()).toHaveLength(3);
    expect(bounded).toMatchObject({ scannedCount: 30, pageCount: 3, truncated: true, maxNumbers: 30 });
    const counts = bounded.sms;
    expect(counts.waiting + counts.inProgress + counts.failed + counts.unspecified + counts.none).toBe(30);
  });

  it('stops when the request is aborted, with UPSTREAM_TIMEOUT and no further call', async () => {
    const controller = new AbortController();
    controller.abort();
    const scope = { projectId: SIMULATOR_PROJECT_ID, signal: controller.signal };
    await expect(provisioningReport({ client: gateway.gateway.clients.numbers, scope })).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(await listCalls()).toEqual([]);
  });

  it('refuses two aliased reports as MAX_COST_EXCEEDED before any upstream call', async () => {
    const response = await gateway.query('{ a: provisioningReport { scannedCount } b: provisioningReport { scannedCount } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'MAX_COST_EXCEEDED' });
    expect(await listCalls()).toEqual([]);
  });
});

describe('Query provisioningReport with PROVISIONING_REPORT_MAX_NUMBERS', () => {
  let gateway: ProvisioningTestGateway;
  beforeAll(async () => {
    gateway = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'off', PROVISIONING_REPORT_MAX_NUMBERS: '25' } });
  });
  afterAll(() => gateway.close());

  it('reads one page of 25 and says truncated', async () => {
    await gateway.admin.clearRequests();
    const response = await gateway.query<{ provisioningReport: Report }>('{ provisioningReport { scannedCount pageCount truncated maxNumbers } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.provisioningReport).toEqual({ scannedCount: 25, pageCount: 1, truncated: true, maxNumbers: 25 });
    expect((await gateway.admin.requests('NUMBERS')).filter((entry) => entry.route === LIST_ROUTE)).toHaveLength(1);
  });
});

describe('Query provisioningReport and the request deadline', () => {
  let gateway: ProvisioningTestGateway;
  beforeAll(async () => {
    gateway = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'off', GRAPHQL_REQUEST_DEADLINE_MS: '800' } });
  });
  afterAll(() => gateway.close());

  it('answers UPSTREAM_TIMEOUT when a page hangs past the deadline, and asks for no further page', async () => {
    await gateway.admin.clearRequests();
    await gateway.admin.addFault({ method: 'GET', path: '/activeNumbers$', action: 'hang', times: 0 });
    try {
      const response = await gateway.query('{ provisioningReport { scannedCount } }');
      expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['UPSTREAM_TIMEOUT']);
      expect((await gateway.admin.requests('NUMBERS')).filter((entry) => entry.route === LIST_ROUTE).length).toBeLessThanOrEqual(1);
    } finally {
      await gateway.admin.clearFaults();
    }
  }, 20_000);
});
