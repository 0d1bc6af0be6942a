import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
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

async function compiledCount(gateway: TestGateway): Promise<number> {
  const metric = await gateway.gateway.metrics.registry.getSingleMetric(COMPILED)?.get();
  return metric?.values[0]?.value ?? Number.NaN;
}

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
    [interpreted, compiled, third] = await Promise.all([
      startTestGateway({ env: { GRAPHQL_COMPILE_AFTER: '0' } }),
      startTestGateway({ env: { GRAPHQL_COMPILE_AFTER: '1' } }),
      startTestGateway({ env: { GRAPHQL_COMPILE_AFTER: '3' } }),
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
});
