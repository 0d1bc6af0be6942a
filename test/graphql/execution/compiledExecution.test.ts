import { getOperationAST, parse } from 'graphql';
import type { DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledExecution } from '../../../src/graphql/execution/compiledExecution.js';
import { createSchema } from '../../../src/graphql/createSchema.js';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { metricTotal } from '../../support/metricTotal.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../../support/startTestGateway.js';

const COMPILED = 'gateway_graphql_compiled_operations_total';

const NUMBERS_WITH_ERRORS = `query NumbersWithErrors {
  numbers(first: 20) {
    totalCount
    nodes {
      phoneNumber
      type
      sms { servicePlanId scheduledProvisioning { status rawStatus errors { __typename ... on ProvisioningErrorDetails { code description suggestedAction resubmittable } } } }
      voice { type trunk { id name } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const NUMBER = `query One($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber displayName sms { campaignId } } }`;

/**
 * Operations whose answers the two engines must agree on: data with unions and nulls, a
 * resolver's typed refusal, variable coercion failures (custom scalar and missing variable),
 * a partial answer when one upstream fails, two operations in one document.
 */
const CORPUS: Array<{ name: string; document: string; variables?: Record<string, unknown>; operationName?: string; fault?: boolean }> = [
  { name: 'a page with provisioning errors, trunks and cursors', document: NUMBERS_WITH_ERRORS },
  { name: 'a number by variable', document: NUMBER, variables: { phoneNumber: SEEDED_PHONE_NUMBERS.provisioned[0] } },
  { name: 'an unknown number (null, no error)', document: NUMBER, variables: { phoneNumber: '+19995550100' } },
  { name: 'an invalid phone number variable', document: NUMBER, variables: { phoneNumber: '12345' } },
  { name: 'a missing variable', document: NUMBER, variables: {} },
  { name: 'a resolver refusal (first: 0)', document: '{ numbers(first: 0) { totalCount } }' },
  { name: 'an upstream failure on one field of two', document: `{ numbers(first: 2) { totalCount } sipTrunks(first: 2) { totalCount } }`, fault: true },
  { name: 'the chosen operation of two', document: `query A { numbers(first: 1) { totalCount } } query B { sipTrunks(first: 1) { nodes { id } } }`, operationName: 'B' },
];

const compiledCount = (gateway: TestGateway) => metricTotal(gateway, COMPILED);

/** The answer without what differs between any two requests: the request id. */
function comparable(response: GraphQLResponse): unknown {
  return {
    status: response.status,
    data: response.body.data,
    errors: response.body.errors?.map(({ extensions, ...error }) => {
      const { requestId: _requestId, ...rest } = extensions ?? {};
      return { ...error, extensions: rest };
    }),
  };
}

async function ask(gateway: TestGateway, operation: (typeof CORPUS)[number]): Promise<GraphQLResponse> {
  if (operation.fault) {
    await new SimulatorAdmin(gateway.simulatorUrl).addFault({ path: '/trunks', status: 503, body: { error: 'down' }, times: 1 });
  }
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A comment per case: each is its own document, compiled on its own.
    body: JSON.stringify({ query: `${operation.document}\n# ${operation.name}`, variables: operation.variables, operationName: operation.operationName }),
  });
  return { status: response.status, headers: {}, body: (await response.json()) as GraphQLResponse['body'] };
}

describe('Execution: graphql-jit for repeated operations, graphql-js for the rest', () => {
  let interpreted: TestGateway;
  let compiled: TestGateway;
  let third: TestGateway;

  beforeAll(async () => {
    // One cursor key, as replicas share it: the answers compared include cursors.
    const GATEWAY_CURSOR_SECRET = 'cursor-secret-shared-by-the-compared-gateways';
    [interpreted, compiled, third] = await Promise.all([
      startTestGateway({ env: { GRAPHQL_COMPILE_AFTER: '0', GATEWAY_CURSOR_SECRET } }),
      startTestGateway({ env: { GRAPHQL_COMPILE_AFTER: '1', GATEWAY_CURSOR_SECRET } }),
      startTestGateway({ env: { GRAPHQL_COMPILE_AFTER: '3', GATEWAY_CURSOR_SECRET } }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([interpreted?.close(), compiled?.close(), third?.close()]);
  });

  it.each(CORPUS)('both engines give the same answer: $name', async (operation) => {
    const before = await compiledCount(compiled);
    const [fromInterpreter, fromCompiled] = [await ask(interpreted, operation), await ask(compiled, operation)];
    expect(comparable(fromCompiled)).toEqual(comparable(fromInterpreter));
    // Not vacuous: the compiled gateway did compile (a document that fails variable coercion
    // is compiled too, and refused by the compiled function).
    expect(await compiledCount(compiled)).toBe(before + 1);
    expect(await compiledCount(interpreted)).toBe(0);
  });

  it('compiles a document on its GRAPHQL_COMPILE_AFTER-th execution, once, and keeps answering the same', async () => {
    const variables = { phoneNumber: SEEDED_PHONE_NUMBERS.failedByCode.EXCEEDED_10DLC_LIMIT };
    const counts: number[] = [];
    const answers: unknown[] = [];
    for (let run = 0; run < 5; run += 1) {
      answers.push(comparable(await third.query(NUMBER, variables)));
      counts.push(await compiledCount(third));
    }
    expect(counts).toEqual([0, 0, 1, 1, 1]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 200, data: { number: { phoneNumber: variables.phoneNumber } } });
  });

  it('counts executions per document: another document starts from zero', async () => {
    const start = await compiledCount(third);
    await third.query('{ numbers(first: 1) { totalCount } }');
    await third.query('{ numbers(first: 1) { totalCount } }');
    expect(await compiledCount(third)).toBe(start);
    await third.query('{ numbers(first: 1) { totalCount } }');
    expect(await compiledCount(third)).toBe(start + 1);
  });

  describe('documents graphql-jit must not compile or run', () => {
    const MARKER = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
    const injected = () => (globalThis as { jitInjected?: unknown }).jitInjected;

    it.each([
      ['a string literal', `{ verification(id: "${MARKER}0), [globalThis.jitInjected = 1]: (0") { id } }`],
      ['a string literal with escapes', `{ verification(id: "\\u005F_MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d0), [globalThis.jitInjected = 2]: (0") { id } }`],
      ['a variable default', `query Q($id: ID! = "${MARKER}0), [globalThis.jitInjected = 3]: (0") { verification(id: $id) { id } }`],
    ])('never compiles a document with graphql-jit\'s internal date marker in %s (code injection)', async (_name, document) => {
      const before = await compiledCount(compiled);
      for (let run = 0; run < 3; run += 1) {
        const response = await compiled.query(document);
        // graphql-js executes it: the id is refused as it would be anywhere else.
        expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      }
      expect(injected()).toBeUndefined();
      expect(await compiledCount(compiled)).toBe(before);
    });

    /**
     * An identifier graphql-jit would write into its code as `new Date(jitMarkerProbe)`:
     * reading it counts, so a test sees whether code from the document ran.
     */
    const PROBE = 'jitMarkerProbe';
    let probeReads = 0;
    beforeAll(() => {
      Object.defineProperty(globalThis, PROBE, { configurable: true, get: () => ((probeReads += 1), 0) });
    });
    afterAll(() => {
      delete (globalThis as Record<string, unknown>)[PROBE];
    });
    const registration = (details: string, declarations = '') =>
      `mutation M${declarations} { updateNumberOrderRegistration(id: "order-that-does-not-exist", requestDetails: ${details}) { requestDetails } }`;

    it.each([
      ['an enum value in a JSONObject literal', registration(`{ a: ${MARKER}${PROBE} }`)],
      ['an enum value in a list in a JSONObject literal', registration(`{ a: [1, ${MARKER}${PROBE}] }`)],
      ['an enum value in a nested object of a JSONObject literal', registration(`{ a: { b: { c: ${MARKER}${PROBE} } } }`)],
      ['an enum value next to a variable in a JSONObject literal', registration(`{ a: $v, b: ${MARKER}${PROBE} }`, '($v: Int = 1)')],
      ['a field name in a JSONObject literal', registration(`{ ${MARKER}${PROBE}: 1 }`)],
      ['a string in a nested list of a JSONObject literal', registration(`{ a: [[{ b: "${MARKER}${PROBE}" }]] }`)],
      ['a block string in a JSONObject literal', registration(`{ a: """${MARKER}${PROBE}""" }`)],
      ['a variable default in a JSONObject', `mutation M($d: JSONObject! = { a: ${MARKER}${PROBE} }) { updateNumberOrderRegistration(id: "order-that-does-not-exist", requestDetails: $d) { requestDetails } }`],
      ['a comment', `${registration('{ a: 1 }')} # ${MARKER}${PROBE}`],
    ])('runs no code from %s, and graphql-js executes the document', async (_name, document) => {
      const before = await compiledCount(compiled);
      const reads = probeReads;
      for (let run = 0; run < 3; run += 1) {
        const response = await compiled.query(document);
        // graphql-js executes it: the unknown order is refused as it would be anywhere else.
        expect(response.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      }
      expect(probeReads).toBe(reads);
      expect(await compiledCount(compiled)).toBe(before);
    });

    it('runs an operation whose variables carry the marker on graphql-js, even once compiled', async () => {
      const document = registration('$d', '($d: JSONObject!)');
      // Compiled with harmless variables first.
      for (let run = 0; run < 2; run += 1) await compiled.query(document, { d: { a: 1 } });
      const reads = probeReads;
      const codes: string[] = [];
      for (const variables of [{ d: { a: `${MARKER}${PROBE}` } }, { d: { [`${MARKER}${PROBE}`]: 1 } }, { d: { a: [{ b: `${MARKER}${PROBE}` }] } }]) {
        const response = await compiled.query(document, variables);
        codes.push(String(response.body.errors?.[0]?.extensions?.['code']));
      }
      expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
      expect(probeReads).toBe(reads);
    });

    it('runs nothing when the requested operation name matches no operation', async () => {
      await compiled.query('{ numbers(first: 1) { totalCount } }');
      const admin = new SimulatorAdmin(compiled.simulatorUrl);
      await admin.clearRequests();
      const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[5] ?? '';
      const document = `mutation Rename { updateNumber(input: { phoneNumber: "${phoneNumber}", displayName: "renamed by a wrong name" }) { displayName } }`;
      for (const gateway of [compiled, interpreted]) {
        for (let run = 0; run < 2; run += 1) {
          const response = await fetch(`${gateway.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: document, operationName: 'Other' }),
          });
          const body = (await response.json()) as GraphQLResponse['body'];
          expect(response.status).toBe(400);
          expect(body.errors?.[0]?.message).toBe('Unknown operation named "Other".');
        }
      }
      expect((await admin.requests('NUMBERS')).filter((entry) => entry.method === 'PATCH')).toEqual([]);
    });
  });
});

describe('Execution: compiled documents are kept in a bounded cache', () => {
  it('drops the least recently used compiled document past the limit, and compiles it again when it returns', async () => {
    let compilations = 0;
    const gateway = compiledExecution({ schema: createSchema(), compileAfter: 1, maxCompiledDocuments: 2, onCompiled: () => (compilations += 1) });
    const { executor } = await gateway.load({ apollo: {} });
    const documents = ['{ __typename }', 'query Two { __typename }', 'query Three { __typename }'].map((text) => parse(text));
    const run = async (document: DocumentNode) => {
      const operation = getOperationAST(document);
      if (executor === null || !operation) throw new Error('no executor or operation');
      const result = await executor({ document, operation, operationName: operation.name?.value ?? null, request: {}, context: {} } as unknown as Parameters<typeof executor>[0]);
      expect(result).toEqual({ data: { __typename: 'Query' } });
    };
    for (const document of documents) await run(document);
    expect(compilations).toBe(3);
    // The third and second are still compiled; the first was dropped when the third came.
    await run(documents[2] as DocumentNode);
    await run(documents[1] as DocumentNode);
    expect(compilations).toBe(3);
    await run(documents[0] as DocumentNode);
    expect(compilations).toBe(4);
  });
});
