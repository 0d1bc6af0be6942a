import { createHash } from 'node:crypto';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { createClient } from 'graphql-ws';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ERROR_CODE_VALUES } from '../../src/errors/ErrorCode.js';
import { createFormatError } from '../../src/graphql/formatError.js';
import { createLogger } from '../../src/server/createLogger.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';
import { clientPresetManifest, writeManifest } from '../graphql/trustedDocuments/manifestFiles.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

interface Exchange {
  status: number;
  codes: unknown[];
}

async function send(url: string, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Exchange> {
  const response = await request(`${url}${init.path ?? '/graphql'}`, {
    method: (init.method ?? 'POST') as 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body,
  });
  const text = await response.body.text();
  const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: unknown } }> };
  return { status: response.statusCode, codes: (body.errors ?? []).map((error) => error.extensions?.code) };
}

const post = (url: string, body: unknown) => send(url, { body: JSON.stringify(body) });

async function subscriptionCodes(url: string, payload: Record<string, unknown>): Promise<unknown[]> {
  const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  const errors = await new Promise<unknown>((resolve) => {
    client.subscribe(payload as never, { next: (result) => resolve(result.errors ?? []), error: resolve, complete: () => resolve([]) });
  });
  await client.dispose();
  return Array.isArray(errors) ? errors.map((error: { extensions?: { code?: unknown } }) => error.extensions?.code) : ['(socket closed)'];
}

describe('Error codes: every code a client can receive is in the ErrorCode enum', () => {
  let open: TestGateway;
  let trusted: TestGateway;
  let deep: TestGateway;
  const seen = new Map<string, unknown[]>();

  beforeAll(async () => {
    open = await startTestGateway({ env: { GRAPHQL_MAX_TOKENS: '50' } });
    deep = await startTestGateway();
    trusted = await startTestGateway({ env: { GRAPHQL_TRUSTED_DOCUMENTS: writeManifest(clientPresetManifest(['{ __typename }'])), GRAPHQL_TRUSTED_DOCUMENTS_ONLY: 'true' } });
  });
  afterAll(async () => {
    await open?.close();
    await trusted?.close();
    await deep?.close();
  });

  it('drives every error path over HTTP and WebSocket, and finds only enum codes', async () => {
    const url = open.url;
    const paths: Record<string, Promise<Exchange | unknown[]>> = {
      parse: post(url, { query: '{ numbers(' }),
      tokens: post(url, { query: `{ ${'__typename '.repeat(60)}}` }),
      validation: post(url, { query: '{ nothing }' }),
      depth: post(deep.url, { query: `{ ${'numbers(first: 1) { nodes { sipTrunk { numbers { '.repeat(3)}phoneNumber${' } } } }'.repeat(3)} }` }),
      variable: post(url, { query: 'query ($n: Int!) { numbers(first: $n) { totalCount } }', variables: { n: 'x' } }),
      scalar: post(url, { query: '{ number(phoneNumber: "1") { phoneNumber } }' }),
      operationName: post(url, { query: 'query A { __typename }', operationName: 'B' }),
      noQuery: post(url, {}),
      apqNotFound: post(url, { extensions: persisted(sha256('{ numbers(first: 1) { totalCount } }')) }),
      apqMismatch: post(url, { query: '{ __typename }', extensions: persisted(sha256('other')) }),
      apqVersion: post(url, { query: '{ __typename }', extensions: { persistedQuery: { version: 9, sha256Hash: sha256('{ __typename }') } } }),
      getMutation: send(url, { method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { releaseNumber(phoneNumber: "+12015550144") { phoneNumber } }')}`, headers: { 'apollo-require-preflight': 'true' } }),
      csrf: send(url, { method: 'GET', path: '/graphql?query=%7B__typename%7D', headers: { 'content-type': 'text/plain' } }),
      batch: send(url, { body: JSON.stringify([{ query: '{ __typename }' }]) }),
      json: send(url, { body: '{' }),
      contentType: send(url, { body: 'query', headers: { 'content-type': 'text/csv' } }),
      tooLarge: send(url, { body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(200_000)}` }) }),
      upstreamNotFound: post(url, { query: 'mutation { releaseNumber(phoneNumber: "+12015550999") { phoneNumber } }' }),
      pathInjection: post(url, { query: '{ sipTrunk(id: "../x") { name } }' }),
      trustedNotInList: post(trusted.url, { documentId: sha256('{ numbers(first: 1) { totalCount } }') }),
      trustedNotInSafelist: post(trusted.url, { query: '{ numbers(first: 1) { totalCount } }' }),
      apqInTrustedMode: post(trusted.url, { extensions: persisted(sha256('{ numbers(first: 2) { totalCount } }')) }),
      wsParse: subscriptionCodes(url, { query: 'subscription {' }),
      wsValidation: subscriptionCodes(url, { query: 'subscription { nothing }' }),
      wsQuery: subscriptionCodes(url, { query: '{ __typename }' }),
      wsVariable: subscriptionCodes(url, { query: 'subscription ($p: PhoneNumber!) { numberProvisioningChanged(phoneNumber: $p) { status } }' }),
      wsTrusted: subscriptionCodes(trusted.url, { query: 'subscription { numberProvisioningChanged(phoneNumber: "+12015550146") { status } }' }),
    };
    for (const [name, exchange] of Object.entries(paths)) {
      const outcome = await exchange;
      seen.set(name, Array.isArray(outcome) ? outcome : outcome.codes);
    }
    const unknown = [...seen].filter(([, codes]) => codes.length === 0 || codes.some((code) => !ERROR_CODE_VALUES.includes(code as never)));
    expect(unknown).toEqual([]);
    // Each path answered what it is about (a path that stopped erroring would prove nothing).
    expect(Object.fromEntries([...seen].map(([name, codes]) => [name, codes[0]]))).toEqual({
      parse: 'GRAPHQL_PARSE_FAILED',
      tokens: 'GRAPHQL_PARSE_FAILED',
      validation: 'GRAPHQL_VALIDATION_FAILED',
      depth: 'GRAPHQL_VALIDATION_FAILED',
      variable: 'BAD_USER_INPUT',
      scalar: 'BAD_USER_INPUT',
      operationName: 'OPERATION_RESOLUTION_FAILURE',
      noQuery: 'BAD_REQUEST',
      apqNotFound: 'PERSISTED_QUERY_NOT_FOUND',
      apqMismatch: expect.any(String),
      apqVersion: expect.any(String),
      getMutation: 'BAD_REQUEST',
      csrf: 'BAD_REQUEST',
      batch: 'BAD_REQUEST',
      json: 'BAD_REQUEST',
      contentType: 'BAD_REQUEST',
      tooLarge: 'BAD_REQUEST',
      upstreamNotFound: 'NOT_FOUND',
      pathInjection: 'BAD_USER_INPUT',
      trustedNotInList: 'PERSISTED_QUERY_NOT_IN_LIST',
      trustedNotInSafelist: 'QUERY_NOT_IN_SAFELIST',
      apqInTrustedMode: 'PERSISTED_QUERY_NOT_IN_LIST',
      wsParse: 'GRAPHQL_PARSE_FAILED',
      wsValidation: 'GRAPHQL_VALIDATION_FAILED',
      wsQuery: 'BAD_REQUEST',
      wsVariable: 'BAD_USER_INPUT',
      wsTrusted: 'QUERY_NOT_IN_SAFELIST',
    });
  });

  it("has every code Apollo Server assigns in the enum (fails when Apollo adds one)", () => {
    expect(Object.values(ApolloServerErrorCode).filter((code) => !ERROR_CODE_VALUES.includes(code as never))).toEqual([]);
  });

  it('masks a GraphQLError whose code is not in the enum as INTERNAL_SERVER_ERROR', () => {
    const formatError = createFormatError(createLogger('silent'));
    const error = new GraphQLError('a library said something', { extensions: { code: 'SOME_NEW_LIBRARY_CODE' } });
    expect(formatError(error.toJSON(), error)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const known = new GraphQLError('no such operation', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
    expect(formatError(known.toJSON(), known).extensions).toEqual({ code: 'OPERATION_RESOLUTION_FAILURE' });
  });
});
