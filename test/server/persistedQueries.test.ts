import { createHash } from 'node:crypto';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogLines } from '../support/captureLogLines.js';
import type { CapturedLogLines } from '../support/captureLogLines.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

const QUERY = '{ __typename }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function post(gateway: TestGateway, body: unknown): Promise<{ status: number; body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> {
  const response = await request(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.statusCode, body: (await response.body.json()) as never };
}

describe('Automatic persisted queries: a refused hash is the client\'s error, typed', () => {
  let gateway: TestGateway;
  let logs: CapturedLogLines;

  beforeAll(async () => {
    logs = captureLogLines();
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true' }, logDestination: logs.destination });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('answers a hash that does not match the query with HTTP 400 and PERSISTED_QUERY_HASH_MISMATCH, logged below error', async () => {
    const before = logs.lines.length;
    const response = await post(gateway, { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);
    expect(response.body.errors?.[0]?.message).toMatch(/is not the SHA-256 of the query/);
    const levels = logs.records().slice(before).map((record) => record['level']);
    expect(levels.filter((level) => typeof level === 'number' && level >= 50)).toEqual([]);
    expect(logs.lines.slice(before).join('\n')).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('answers an unsupported persisted query version with HTTP 400 and BAD_REQUEST', async () => {
    const response = await post(gateway, { query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(QUERY) } } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['BAD_REQUEST']);
  });

  it('still registers a matching hash and serves it by hash alone', async () => {
    const registered = await post(gateway, { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } } });
    expect([registered.status, registered.body.data]).toEqual([200, { __typename: 'Query' }]);
    const byHash = await post(gateway, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } } });
    expect([byHash.status, byHash.body.data]).toEqual([200, { __typename: 'Query' }]);
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const response = await post(gateway, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ never sent }') } } });
    expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});
