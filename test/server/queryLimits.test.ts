import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATION } from '../../src/server/exampleOperation.js';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { metricTotal } from '../support/metricTotal.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

const LIMITS = { GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COST: '1000', GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_DIRECTIVES: '4', GRAPHQL_MAX_TOKENS: '400' };

/** The upstream calls the gateway has made so far, from its own metrics. */
const upstreamCallCount = (gateway: TestGateway) => metricTotal(gateway, 'gateway_upstream_requests_total');

describe('Abuse limits: refused before execution with HTTP 400', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: LIMITS });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it.each([
    ['depth', '{ numbers(first: 1) { nodes { sms { scheduledProvisioning { errors { ... on ProvisioningErrorDetails { code } } } } voice { trunk { accessControlLists { trunks { name } } } } } } }', 'MAX_DEPTH_EXCEEDED', 6],
    ['cost', '{ sipTrunks(first: 100) { nodes { accessControlLists { trunks { name } } } } }', 'MAX_COST_EXCEEDED', 1000],
    ['aliases', '{ a: __typename b: __typename c: __typename d: __typename }', 'MAX_ALIASES_EXCEEDED', 3],
    ['directives', '{ __typename @include(if: true) a: __typename @skip(if: false) numbers(first: 1) @include(if: true) { totalCount @include(if: true) pageInfo @skip(if: false) { hasNextPage } } }', 'MAX_DIRECTIVES_EXCEEDED', 4],
  ])('refuses an operation over the %s limit with GRAPHQL_VALIDATION_FAILED and its reason', async (_limit, document, reason, limit) => {
    const before = await upstreamCallCount(gateway);
    const response = await gateway.query(document);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', reason, limit, found: expect.any(Number) }) }),
    ]);
    expect(await upstreamCallCount(gateway)).toBe(before);
  });

  it('counts what fragments bring in, however they are nested', async () => {
    const response = await gateway.query(`
      query Aliased { ...A }
      fragment A on Query { ...B ...B }
      fragment B on Query { x: __typename y: __typename }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ reason: 'MAX_ALIASES_EXCEEDED', found: 4 });
    expect(response.body.errors?.[0]?.message).toBe('The operation Aliased uses 4 aliases; the limit is 3.');
  });

  it('refuses a document over the token limit while parsing, with GRAPHQL_PARSE_FAILED', async () => {
    const response = await gateway.query(`{ ${'__typename '.repeat(500)}}`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', reason: 'MAX_TOKENS_EXCEEDED', limit: 400, found: 502 });
    expect(response.body.errors?.[0]?.message).toBe('The document has 502 tokens; at most 400 are allowed (GRAPHQL_MAX_TOKENS). Nothing was executed.');
  });

  it('describes the token limit the same way over WebSocket', async () => {
    const { createClient } = await import('graphql-ws');
    const { default: WebSocket } = await import('ws');
    const client = createClient({ url: `${gateway.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: `subscription { ${'__typename '.repeat(500)}}` }, { next: (result) => resolve(result.errors), error: resolve, complete: () => undefined });
    });
    await client.dispose();
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED', reason: 'MAX_TOKENS_EXCEEDED', limit: 400, found: 503 }) })]);
  });

  it.each([
    ['first: $n with n = 100', 'query ($n: Int) { sipTrunks(first: $n) { nodes { accessControlLists { trunks { name } } } } }', { n: 100 }],
    ['first: $n omitted, its default 100', 'query ($n: Int = 100) { sipTrunks(first: $n) { nodes { accessControlLists { trunks { name } } } } }', {}],
    ['first: $n through a fragment', 'query ($n: Int) { ...T } fragment T on Query { sipTrunks(first: $n) { nodes { accessControlLists { trunks { name } } } } }', { n: 100 }],
  ])('prices %s as it prices the literal, and refuses it with no upstream call', async (_case, document, variables) => {
    const before = await upstreamCallCount(gateway);
    const response = await gateway.query(document, variables);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'MAX_COST_EXCEEDED', limit: 1000, found: 100 * (1 + 1 * (1 + 10 * (1 + 10))) }) }),
    ]);
    expect(response.body.errors?.[0]?.extensions).not.toHaveProperty('http');
    expect(await upstreamCallCount(gateway)).toBe(before);
    // The same document with a small value runs.
    expect((await gateway.query(document, { n: 1 })).status).toBe(200);
  });

  it("prices an omitted first by the field's default in the schema (callRecords: 100)", async () => {
    const strict = await startTestGateway({ env: { GRAPHQL_MAX_COST: '150' } });
    try {
      const response = await strict.query('{ callRecords { nodes { callId } } }');
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ reason: 'MAX_COST_EXCEEDED', found: 100 * 2 });
      expect((await strict.query('{ callRecords(first: 70) { nodes { callId } } }')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('prices a subscription over WebSocket with its variables', async () => {
    const client = createClient({ url: `${gateway.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    const subscribe = (n: number) =>
      new Promise<unknown[]>((resolve) => {
        const errors: unknown[] = [];
        const unsubscribe = client.subscribe(
          {
            query: 'subscription ($p: PhoneNumber!, $n: Int) { numberProvisioningChanged(phoneNumber: $p) { number { voice { trunk { phoneNumbers(first: $n) { totalCount } } } } } }',
            variables: { p: SEEDED_PHONE_NUMBERS.provisioned[0], n },
          },
          {
            next: () => {
              unsubscribe();
              resolve(errors);
            },
            error: (error) => resolve([...errors, error]),
            complete: () => resolve(errors),
          },
        );
      });
    try {
      const refused = (await subscribe(1200)) as Array<Array<{ extensions?: Record<string, unknown> }>>;
      expect(refused[0]?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'MAX_COST_EXCEEDED', limit: 1000 });
      expect(await subscribe(1)).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('reports every limit an operation exceeds', async () => {
    const response = await gateway.query('{ a: sipTrunks(first: 500) { nodes { endpoints { id } } } b: __typename c: __typename d: __typename }');
    expect(response.body.errors?.map((error) => error.extensions?.['reason'])).toEqual(['MAX_COST_EXCEEDED', 'MAX_ALIASES_EXCEEDED']);
  });
});

describe('Abuse limits: the defaults let real clients through', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('runs the Sandbox example operation with a page of 100', async () => {
    const response = await gateway.query(EXAMPLE_OPERATION.replace('first: 20', 'first: 100'));
    expect(response.body.errors).toBeUndefined();
    expect(response.status).toBe(200);
  });

  it('answers the full introspection query Sandbox sends (introspection is governed by GRAPHQL_INTROSPECTION, not by the limits)', async () => {
    const response = await gateway.query(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toHaveProperty('__schema');
  });

  it('still applies the one-reportVerification-per-document rule next to the limits', async () => {
    const report = 'reportVerification(input: { id: "01ABC", method: SMS, code: "1234" }) { __typename }';
    const response = await gateway.query(`mutation { a: ${report} b: ${report} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_VERIFICATION_REPORTS' });
  });
});
