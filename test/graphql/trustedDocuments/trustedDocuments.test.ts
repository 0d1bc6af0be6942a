import { createClient } from 'graphql-ws';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ConfigError } from '../../../src/config.js';
import { metricTotal } from '../../support/metricTotal.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';
import { apolloManifest, clientPresetManifest, FOLLOW_SUBSCRIPTION, NUMBER_QUERY, NUMBERS_QUERY, RENAME_MUTATION, sha256, writeManifest } from './manifestFiles.js';

const PHONE = '+12015550144';
const OTHER_QUERY = '{ numbers(first: 50) { nodes { phoneNumber } } }';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function post(gateway: TestGateway, body: unknown): Promise<Answer> {
  const response = await request(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.statusCode, body: (await response.body.json()) as Answer['body'] };
}

async function get(gateway: TestGateway, parameters: Record<string, string | string[]>): Promise<Answer> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) for (const one of [value].flat()) search.append(name, one);
  const response = await request(`${gateway.url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: response.statusCode, body: (await response.body.json()) as Answer['body'] };
}

const codes = (answer: Answer) => answer.body.errors?.map((error) => error.extensions?.['code']);
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

/** The first result (or the errors) of one subscription over graphql-ws. */
function subscribeOnce(gateway: TestGateway, payload: Record<string, unknown>): Promise<{ data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }> {
  const client = createClient({ url: `${gateway.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  return new Promise((resolve, reject) => {
    const dispose = client.subscribe(payload as never, {
      next: (result) => {
        dispose();
        void client.dispose();
        resolve(result as never);
      },
      error: (error) => {
        void client.dispose();
        if (Array.isArray(error)) resolve({ errors: error as never });
        else reject(error instanceof Error ? error : new Error(String(error)));
      },
      complete: () => undefined,
    });
  });
}

describe('Trusted documents: production runs only the manifest', () => {
  let gateway: TestGateway;
  let admin: SimulatorAdmin;
  const manifest = apolloManifest([
    { name: 'Number', type: 'query', body: NUMBER_QUERY },
    { name: 'Numbers', type: 'query', body: NUMBERS_QUERY },
    { name: 'Follow', type: 'subscription', body: FOLLOW_SUBSCRIPTION },
    { name: 'Rename', type: 'mutation', body: RENAME_MUTATION },
  ]);

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true', GRAPHQL_TRUSTED_DOCUMENTS: writeManifest(manifest) } });
    admin = new SimulatorAdmin(gateway.simulatorUrl);
  });
  afterAll(async () => {
    await gateway.close();
  });
  beforeEach(async () => {
    await admin.clearRequests();
  });

  it('runs a manifest operation named by documentId, bare or with the sha256: prefix', async () => {
    for (const documentId of [sha256(NUMBER_QUERY), `sha256:${sha256(NUMBER_QUERY)}`]) {
      const answer = await post(gateway, { documentId, variables: { phoneNumber: PHONE } });
      expect(answer).toMatchObject({ status: 200, body: { data: { number: { phoneNumber: PHONE } } } });
      expect(answer.body.errors).toBeUndefined();
    }
  });

  it("runs one named by Apollo's extensions.persistedQuery.sha256Hash, over POST and GET", async () => {
    const byPost = await post(gateway, { extensions: persisted(sha256(NUMBERS_QUERY)) });
    expect(byPost.status).toBe(200);
    expect(byPost.body.data?.['numbers']).toMatchObject({ totalCount: expect.any(Number) });
    const byGet = await get(gateway, { extensions: JSON.stringify(persisted(sha256(NUMBERS_QUERY))) });
    expect(byGet).toEqual(byPost);
    const byGetDocumentId = await get(gateway, { documentId: `sha256:${sha256(NUMBERS_QUERY)}` });
    expect(byGetDocumentId).toEqual(byPost);
  });

  it('runs a mutation of the manifest over POST, and still refuses it over GET (405)', async () => {
    const answer = await post(gateway, { documentId: sha256(RENAME_MUTATION), variables: { phoneNumber: PHONE } });
    expect(answer.body).toEqual({ data: { updateNumber: { phoneNumber: PHONE, displayName: 'Trusted' } } });
    const byGet = await request(`${gateway.url}/graphql?documentId=${sha256(RENAME_MUTATION)}&variables=${encodeURIComponent(JSON.stringify({ phoneNumber: PHONE }))}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(byGet.statusCode).toBe(405);
    await byGet.body.dump();
  });

  it('refuses an arbitrary document with 400 QUERY_NOT_IN_SAFELIST before anything reaches Sinch, over POST and GET', async () => {
    expect(await post(gateway, { query: OTHER_QUERY })).toEqual({ status: 400, body: { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_NOT_IN_SAFELIST' }) })] } });
    expect(codes(await get(gateway, { query: OTHER_QUERY }))).toEqual(['QUERY_NOT_IN_SAFELIST']);
    // A manifest operation reformatted is another document.
    expect(codes(await post(gateway, { query: `${NUMBERS_QUERY} ` }))).toEqual(['QUERY_NOT_IN_SAFELIST']);
    // Introspection is a document like any other.
    expect(codes(await post(gateway, { query: '{ __schema { types { name } } }' }))).toEqual(['QUERY_NOT_IN_SAFELIST']);
    expect(await admin.requests()).toEqual([]);
  });

  it('runs a document sent as text when it is byte for byte a manifest operation', async () => {
    const answer = await post(gateway, { query: NUMBERS_QUERY });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });

  it('refuses an unknown id and an APQ registration with 400 PERSISTED_QUERY_NOT_IN_LIST', async () => {
    const unknown = sha256(OTHER_QUERY);
    expect(await post(gateway, { documentId: unknown })).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', requestId: expect.any(String) } }] } });
    expect(codes(await post(gateway, { extensions: persisted(unknown) }))).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    // Apollo Client's persisted-queries link registers with the document and its hash.
    expect(codes(await post(gateway, { query: OTHER_QUERY, extensions: persisted(unknown) }))).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    // ...which then cannot be run by hash either.
    expect(codes(await post(gateway, { extensions: persisted(unknown) }))).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    expect(codes(await get(gateway, { documentId: 'sha1:0123' }))).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    expect(await admin.requests()).toEqual([]);
  });

  it('refuses an id sent with a document that is not its operation, and ids that disagree', async () => {
    expect(codes(await post(gateway, { documentId: sha256(NUMBERS_QUERY), query: OTHER_QUERY }))).toEqual(['QUERY_NOT_IN_SAFELIST']);
    expect(codes(await post(gateway, { extensions: persisted(sha256(NUMBERS_QUERY)), query: OTHER_QUERY }))).toEqual(['QUERY_NOT_IN_SAFELIST']);
    expect(codes(await post(gateway, { documentId: sha256(NUMBERS_QUERY), extensions: persisted(sha256(NUMBER_QUERY)) }))).toEqual(['BAD_REQUEST']);
    expect(codes(await post(gateway, { documentId: 42 }))).toEqual(['BAD_REQUEST']);
    expect(codes(await get(gateway, { documentId: [sha256(NUMBERS_QUERY), sha256(OTHER_QUERY)] }))).toEqual(['BAD_REQUEST']);
    expect(codes(await get(gateway, { documentId: sha256(NUMBERS_QUERY), query: OTHER_QUERY }))).toEqual(['QUERY_NOT_IN_SAFELIST']);
    expect(await admin.requests()).toEqual([]);
  });

  it('refuses a batch as a whole (batching is off), whatever it holds', async () => {
    const answer = await post(gateway, [{ documentId: sha256(NUMBERS_QUERY) }, { query: OTHER_QUERY }]);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['QUERY_NOT_IN_SAFELIST']);
    const trustedOnly = await post(gateway, [{ documentId: sha256(NUMBERS_QUERY) }]);
    expect(trustedOnly.status).toBe(400);
    expect(codes(trustedOnly)).toEqual(['BAD_REQUEST']);
    expect(await admin.requests()).toEqual([]);
  });

  it('runs a manifest subscription over WebSocket by id, and refuses anything else there too', async () => {
    const variables = { phoneNumber: '+12015550146' };
    const byId = await subscribeOnce(gateway, { query: '', documentId: sha256(FOLLOW_SUBSCRIPTION), variables });
    expect(byId).toMatchObject({ data: { numberProvisioningChanged: { source: expect.any(String) } } });
    const byHash = await subscribeOnce(gateway, { query: '', extensions: persisted(sha256(FOLLOW_SUBSCRIPTION)), variables });
    expect(byHash).toMatchObject({ data: { numberProvisioningChanged: { source: expect.any(String) } } });
    const other = 'subscription { numberProvisioningChanged(phoneNumber: "+12015550146") { status } }';
    expect((await subscribeOnce(gateway, { query: other })).errors?.map((error) => error.extensions?.['code'])).toEqual(['QUERY_NOT_IN_SAFELIST']);
    expect((await subscribeOnce(gateway, { query: '', documentId: sha256(other) })).errors?.map((error) => error.extensions?.['code'])).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
  });

  it('compiled the manifest operations at start-up (when compiling is on), and never compiles them again', async () => {
    // The query and mutation operations; subscriptions run on graphql-js.
    const expected = gateway.config.graphql.compileAfter > 0 ? 3 : 0;
    expect(await metricTotal(gateway, 'gateway_graphql_compiled_operations_total')).toBe(expected);
    for (let run = 0; run < 3; run += 1) {
      expect((await post(gateway, { documentId: sha256(NUMBERS_QUERY) })).body.errors).toBeUndefined();
      expect((await post(gateway, { query: NUMBERS_QUERY })).body.errors).toBeUndefined();
    }
    expect(await metricTotal(gateway, 'gateway_graphql_compiled_operations_total')).toBe(expected);
  });
});

describe('Trusted documents: development resolves manifest ids and runs anything else', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { GRAPHQL_TRUSTED_DOCUMENTS: writeManifest(clientPresetManifest([NUMBERS_QUERY])) } });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('runs manifest ids and arbitrary documents; APQ registers and runs other documents', async () => {
    expect((await post(gateway, { documentId: sha256(NUMBERS_QUERY) })).body.errors).toBeUndefined();
    expect((await post(gateway, { query: OTHER_QUERY })).body.errors).toBeUndefined();
    const hash = sha256(OTHER_QUERY);
    expect(codes(await post(gateway, { extensions: persisted(hash) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await post(gateway, { query: OTHER_QUERY, extensions: persisted(hash) })).body.errors).toBeUndefined();
    expect((await post(gateway, { extensions: persisted(hash) })).body.errors).toBeUndefined();
    // documentId has no APQ behind it: an unknown one is refused in every mode.
    expect(codes(await post(gateway, { documentId: hash }))).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
  });
});

describe('Trusted documents: a manifest that does not fit the schema stops the start', () => {
  it.each([
    ['an unknown field', '{ nothing }', /does not validate against the gateway's schema and limits: Cannot query field "nothing"/],
    ['two operations', 'query A { __typename } query B { __typename }', /must hold exactly one operation \(it holds 2\)/],
    ['a document over the depth limit', `{ ${'numbers(first: 1) { nodes { sipTrunk { numbers { '.repeat(3)}phoneNumber${' } } } }'.repeat(3)} }`, /does not validate/],
    ['a syntax error', '{ numbers(', /does not parse/],
  ])('refuses %s, naming the operation', async (_label, body, message) => {
    const path = writeManifest(clientPresetManifest([body]));
    const start = startTestGateway({ env: { GRAPHQL_TRUSTED_DOCUMENTS: path } });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(message);
  });

  it("refuses an Apollo manifest whose name or type is not the body's", async () => {
    const path = writeManifest(apolloManifest([{ name: 'Other', type: 'mutation', body: NUMBERS_QUERY }]));
    await expect(startTestGateway({ env: { GRAPHQL_TRUSTED_DOCUMENTS: path } })).rejects.toThrow(/the manifest names it Other, its body names it Numbers/);
  });

  it('refuses an introspection operation when introspection is off', async () => {
    const path = writeManifest(clientPresetManifest(['query Schema { __schema { queryType { name } } }']));
    await expect(startTestGateway({ env: { GRAPHQL_TRUSTED_DOCUMENTS: path, GRAPHQL_INTROSPECTION: 'false' } })).rejects.toThrow(/Introspection is off on this gateway \(GRAPHQL_INTROSPECTION/);
  });
});
