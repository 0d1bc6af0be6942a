import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROVISIONING_ERROR_CATALOG } from '../../../src/upstream/numbers/provisioningErrorCatalog.js';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { ROUTES, startNumbersTestGateway } from './numbersTestGateway.js';
import type { NumbersTestGateway } from './numbersTestGateway.js';

interface PageData {
  numbers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { phoneNumber: string } }>;
    nodes: Array<{
      phoneNumber: string;
      sms: { scheduledProvisioning: { status: string; errors: Array<Record<string, unknown>> } | null } | null;
    }>;
  };
}

const NUMBERS_PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $filter: NumberFilter) {
    numbers(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { phoneNumber } }
      nodes {
        phoneNumber
        sms {
          scheduledProvisioning {
            status
            errors {
              __typename
              ... on ProvisioningErrorDetails { code upstreamCode description suggestedAction resubmittable }
            }
          }
        }
      }
    }
  }
`;

describe('Query.numbers: a cursor connection over the seeded numbers', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  async function page(variables: Record<string, unknown>) {
    const response = await gateway.query<PageData>(NUMBERS_PAGE, variables);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.numbers ?? expect.unreachable('no data');
  }

  async function allPages(first: number) {
    const pages = [];
    let after: string | null = null;
    do {
      const current = await page({ first, after });
      pages.push(current);
      after = current.pageInfo.endCursor;
      expect(pages.length).toBeLessThan(20);
    } while (after !== null);
    return pages;
  }

  it('returns the first 20 numbers, their edges and the total count', async () => {
    const first = await page({ first: 20 });
    expect(first.nodes).toHaveLength(20);
    expect(first.edges.map((edge) => edge.node.phoneNumber)).toEqual(first.nodes.map((node) => node.phoneNumber));
    expect(first.nodes.map((node) => node.phoneNumber)).toEqual([...SEEDED_PHONE_NUMBERS.showcase, ...SEEDED_PHONE_NUMBERS.provisioned, ...SEEDED_PHONE_NUMBERS.est.slice(0, 2)]);
    expect(first.totalCount).toBeGreaterThan(60);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[19]?.cursor });
    expect(await gateway.numbersCalls()).toEqual([ROUTES.listActiveNumbers]);
  });

  it('pages through every number with endCursor, one upstream call per page, no number twice', async () => {
    const pages = await allPages(20);
    const phoneNumbers = pages.flatMap((current) => current.nodes.map((node) => node.phoneNumber));
    expect(phoneNumbers).toHaveLength(pages[0]?.totalCount ?? -1);
    expect(new Set(phoneNumbers).size).toBe(phoneNumbers.length);
    expect([...phoneNumbers].sort()).toEqual(phoneNumbers);
    expect(pages.at(-1)?.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(await gateway.numbersCalls()).toEqual(pages.map(() => ROUTES.listActiveNumbers));
  });

  it('gives every seeded provisioning error code its typed union member and the seed texts', async () => {
    const nodes = (await allPages(100)).flatMap((current) => current.nodes);
    for (const [code, phoneNumber] of Object.entries(SEEDED_PHONE_NUMBERS.failedByCode)) {
      const scheduled = nodes.find((node) => node.phoneNumber === phoneNumber)?.sms?.scheduledProvisioning;
      const entry = PROVISIONING_ERROR_CATALOG.find((candidate) => candidate.code === code || candidate.aliases.includes(code));
      expect(scheduled?.status).toBe('FAILED');
      expect(scheduled?.errors).toEqual([
        {
          __typename: entry?.typeName,
          code: entry?.code,
          upstreamCode: code,
          description: entry?.description,
          suggestedAction: entry?.suggestedAction,
          resubmittable: entry?.resubmittable,
        },
      ]);
    }
  });

  it('shows the seed 000 texts for PARTNER_SERVICE_UNAVAILABLE', async () => {
    const nodes = (await allPages(100)).flatMap((current) => current.nodes);
    const errors = nodes.find((node) => node.phoneNumber === SEEDED_PHONE_NUMBERS.failedByCode.PARTNER_SERVICE_UNAVAILABLE)?.sms?.scheduledProvisioning?.errors;
    expect(errors).toEqual([
      {
        __typename: 'PartnerServiceUnavailableError',
        code: 'PARTNER_SERVICE_UNAVAILABLE',
        upstreamCode: 'PARTNER_SERVICE_UNAVAILABLE',
        description: 'We are unable to complete the campaign registration at this time.',
        suggestedAction: 'This error indicates that Sinch will not continue to retry campaign submission. Please resubmit your campaign.',
        resubmittable: true,
      },
    ]);
  });

  it('resumes right after any edge, with a different page size', async () => {
    const first = await page({ first: 10 });
    const resumed = await page({ first: 5, after: first.edges[6]?.cursor });
    const straight = await page({ first: 20 });
    expect(resumed.nodes.map((node) => node.phoneNumber)).toEqual(straight.nodes.slice(7, 12).map((node) => node.phoneNumber));
  });

  it('applies the filter upstream and keeps cursors bound to it', async () => {
    const filter = { regionCode: 'GB', type: 'MOBILE', capabilities: ['SMS'], orderBy: 'DISPLAY_NAME' };
    const british = await page({ first: 2, filter });
    expect(british.totalCount).toBe(SEEDED_PHONE_NUMBERS.unitedKingdom.length);
    expect((await gateway.admin.requests('NUMBERS'))[0]?.query).toEqual({
      regionCode: 'GB',
      type: 'MOBILE',
      capability: 'SMS',
      orderBy: 'displayName',
      pageSize: '2',
    });
    const misused = await gateway.query(NUMBERS_PAGE, { first: 2, after: british.pageInfo.endCursor });
    expect(misused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it.each([0, -1, 101])('refuses first: %i with BAD_USER_INPUT before any call', async (first) => {
    const response = await gateway.query(NUMBERS_PAGE, { first });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    expect(await gateway.numbersCalls()).toEqual([]);
  });

  it.each(['not-a-cursor', Buffer.from('{"v":1,"t":"","o":-3,"f":"x"}').toString('base64url')])('refuses the cursor %j', async (after) => {
    const response = await gateway.query(NUMBERS_PAGE, { first: 5, after });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(await gateway.numbersCalls()).toEqual([]);
  });
});
