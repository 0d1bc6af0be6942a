import { describe, expect, it } from 'vitest';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { useSipTestGateway } from './support/useSipTestGateway.js';

const sip = useSipTestGateway();

interface Page {
  totalCount: number;
  nodes: Array<{ id: string }>;
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const TRUNKS = `query ($first: Int, $after: String) { sipTrunks(first: $first, after: $after) { totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

async function trunkPage(first: number, after?: string | null) {
  const response = await sip.gateway.query<{ sipTrunks: Page }>(TRUNKS, { first, after });
  return { page: response.body.data?.sipTrunks, errors: response.body.errors };
}

describe('SIP Trunking connections: EST page numbers become cursors', () => {
  it('walks every trunk with first: 2 in three pages, one upstream call each', async () => {
    await sip.admin.clearRequests();
    const ids: string[] = [];
    let after: string | null | undefined;
    let pages = 0;
    do {
      const { page } = await trunkPage(2, after);
      ids.push(...(page?.nodes.map((node) => node.id) ?? []));
      expect(page?.totalCount).toBe(5);
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(ids).toEqual([...SEEDED_TRUNK_IDS]);
    const calls = await sip.admin.requests('SIP_TRUNKING');
    expect(calls.map((entry) => entry.query)).toEqual([
      { page: '1', size: '2' },
      { page: '2', size: '2' },
      { page: '3', size: '2' },
    ]);
  });

  it('resumes after any edge, even one that straddles two upstream pages', async () => {
    const { page: first } = await trunkPage(2);
    const { page: rest } = await trunkPage(3, first?.edges[0]?.cursor);
    expect(rest?.nodes.map((node) => node.id)).toEqual(SEEDED_TRUNK_IDS.slice(1, 4));
    expect(rest?.pageInfo.hasNextPage).toBe(true);
  });

  it.each([0, 501, -1])('refuses first: %i with BAD_USER_INPUT', async (first) => {
    const { errors } = await trunkPage(first);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('allows up to 1000 call records per page, not 1001', async () => {
    const ok = await sip.gateway.query(`{ callRecords(first: 1000) { totalCount } }`);
    expect(ok.body.errors).toBeUndefined();
    const tooMany = await sip.gateway.query(`{ callRecords(first: 1001) { totalCount } }`);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('refuses a cursor of another list or filter', async () => {
    const { page } = await trunkPage(1);
    const response = await sip.gateway.query(`query ($after: String) { accessControlLists(after: $after) { totalCount } }`, { after: page?.pageInfo.endCursor });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('sends call time bounds in UTC to the second, as Sinch documents them: an offset and milliseconds are converted', async () => {
    await sip.admin.clearRequests();
    const response = await sip.gateway.query(
      `{ callRecords(filter: { createdAfter: "2020-01-01T02:30:15.750+02:00", createdBefore: "2099-12-31T23:59:59.999Z" }) { nodes { direction } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const [call] = await sip.admin.requests('SIP_TRUNKING');
    expect([call?.query['createTime>'], call?.query['createTime<']]).toEqual(['2020-01-01T00:30:15Z', '2099-12-31T23:59:59Z']);
  });

  it('passes call filters to Sinch: lists comma-joined, time bounds as createTime>= and <=', async () => {
    await sip.admin.clearRequests();
    const response = await sip.gateway.query<{ callRecords: { nodes: Array<{ direction: string; callResult: string }> } }>(
      `{ callRecords(filter: { directions: [INBOUND], results: [COMPLETED, BUSY], createdAfter: "2020-01-01T00:00:00Z", createdBefore: "2099-01-01T00:00:00Z", from: "+1415" }) { nodes { direction callResult } } }`,
    );
    const nodes = response.body.data?.callRecords.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.direction === 'INBOUND' && ['COMPLETED', 'BUSY'].includes(node.callResult))).toBe(true);
    const [call] = await sip.admin.requests('SIP_TRUNKING');
    expect(call?.query).toEqual({
      from: '+1415',
      'createTime>': '2020-01-01T00:00:00Z',
      'createTime<': '2099-01-01T00:00:00Z',
      callResult: 'COMPLETED,BUSY',
      direction: 'INBOUND',
      page: '1',
      size: '100',
    });
  });
});
