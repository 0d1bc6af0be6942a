import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

const SECRET = 'cursor-secret-for-tests-0123456789abcdef';
const NUMBERS_PAGE = 'query ($after: String) { numbers(first: 2, after: $after) { nodes { phoneNumber } pageInfo { endCursor } } }';
const TRUNKS_PAGE = 'query ($after: String) { sipTrunks(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }';

type Page = { pageInfo: { endCursor: string | null }; nodes: Array<Record<string, string>> };

/** The JSON a cursor carries, with its fields replaced: what a client forging a cursor sends. */
function forge(cursor: string, changes: Record<string, unknown>, keepMac: boolean): string {
  const [payload = '', mac = ''] = cursor.split('.');
  const fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...fields, ...changes })).toString('base64url');
  return keepMac ? `${forged}.${mac}` : forged;
}

describe('Cursors: only a cursor the gateway issued is accepted', () => {
  let replicaA: TestGateway;
  let replicaB: TestGateway;
  let unkeyed: TestGateway;

  beforeAll(async () => {
    [replicaA, replicaB, unkeyed] = await Promise.all([
      startTestGateway({ env: { GATEWAY_CURSOR_SECRET: SECRET } }),
      startTestGateway({ env: { GATEWAY_CURSOR_SECRET: SECRET } }),
      startTestGateway(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([replicaA?.close(), replicaB?.close(), unkeyed?.close()]);
  });

  async function endCursor(gateway: TestGateway, document: string, field: 'numbers' | 'sipTrunks'): Promise<string> {
    const response = await gateway.query<Record<string, Page>>(document);
    const cursor = response.body.data?.[field]?.pageInfo.endCursor;
    if (typeof cursor !== 'string') throw new Error(`no cursor: ${JSON.stringify(response.body)}`);
    return cursor;
  }

  const cases: Array<[string, string, 'numbers' | 'sipTrunks', Record<string, unknown>]> = [
    ['a numbers cursor with a large offset', NUMBERS_PAGE, 'numbers', { o: 10_000 }],
    ['a numbers cursor with another page token', NUMBERS_PAGE, 'numbers', { t: 'forged-token' }],
    ['an EST cursor with a large offset', TRUNKS_PAGE, 'sipTrunks', { o: 999_999 }],
  ];

  it.each(cases)('refuses %s with BAD_USER_INPUT and no upstream call, with or without the MAC', async (_name, document, field, changes) => {
    const cursor = await endCursor(replicaA, document, field);
    const admin = new SimulatorAdmin(replicaA.simulatorUrl);
    for (const forged of [forge(cursor, changes, true), forge(cursor, changes, false), `${cursor}x`, cursor.split('.')[0] ?? '']) {
      await admin.clearRequests();
      const response = await replicaA.query(document, { after: forged });
      expect(response.status).toBe(200);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
      expect(await admin.requests(field === 'numbers' ? 'NUMBERS' : 'SIP_TRUNKING')).toEqual([]);
    }
  });

  it('accepts its own cursors, and those of a replica with the same GATEWAY_CURSOR_SECRET', async () => {
    const cursor = await endCursor(replicaA, NUMBERS_PAGE, 'numbers');
    for (const gateway of [replicaA, replicaB]) {
      const response = await gateway.query<Record<string, Page>>(NUMBERS_PAGE, { after: cursor });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.['numbers']?.nodes).toHaveLength(2);
    }
  });

  it('refuses a cursor sealed under another key (a replica without the shared secret)', async () => {
    const cursor = await endCursor(unkeyed, TRUNKS_PAGE, 'sipTrunks');
    const response = await replicaA.query(TRUNKS_PAGE, { after: cursor });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });
});
