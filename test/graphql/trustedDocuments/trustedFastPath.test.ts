import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { useSimulator } from '../../../src/server/useSimulator.js';
import { inMemoryTracing } from '../../support/inMemoryTracing.js';
import { metricTotal } from '../../support/metricTotal.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import type { FaultDefinition } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';
import { apolloManifest, clientPresetManifest, NUMBER_QUERY, NUMBERS_QUERY, RENAME_MUTATION, sha256, writeManifest } from './manifestFiles.js';

const PHONE = '+12015550144';
const PAGE_QUERY = 'query Page($n: Int!) { numbers(first: $n) { nodes { phoneNumber } } }';
const PROJECT_QUERY = 'query InProject($projectId: ID) { numbers(first: 2, projectId: $projectId) { totalCount } }';
const TWO_PROJECTS_QUERY = 'query TwoProjects($projectId: ID) { a: numbers(first: 1, projectId: $projectId) { totalCount } b: numbers(first: 1) { totalCount } }';
const SKIPPED_QUERY = 'query Skipped($skip: Boolean!) { numbers(first: 1) @skip(if: $skip) { totalCount } sipTrunks(first: 1) { totalCount } }';
const ANONYMOUS_QUERY = '{ sipTrunks(first: 2) { totalCount nodes { name } } }';

const MANIFEST = apolloManifest([
  { name: 'Number', type: 'query', body: NUMBER_QUERY },
  { name: 'Numbers', type: 'query', body: NUMBERS_QUERY },
  { name: 'Rename', type: 'mutation', body: RENAME_MUTATION },
  { name: 'Page', type: 'query', body: PAGE_QUERY },
  { name: 'InProject', type: 'query', body: PROJECT_QUERY },
  { name: 'TwoProjects', type: 'query', body: TWO_PROJECTS_QUERY },
  { name: 'Skipped', type: 'query', body: SKIPPED_QUERY },
]);

interface Exchange {
  status: number;
  contentType: string | undefined;
  /** The body as sent, with each request id replaced by a placeholder (they differ by design). */
  body: string;
}

async function exchange(gateway: TestGateway, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Exchange> {
  const response = await request(`${gateway.url}/graphql`, { method: 'POST', headers, body });
  const text = await response.body.text();
  const requestId = response.headers['x-request-id'];
  return {
    status: response.statusCode,
    contentType: response.headers['content-type'] as string | undefined,
    body: typeof requestId === 'string' ? text.replaceAll(requestId, '<request id>') : text,
  };
}

const byId = (body: string, extra: Record<string, unknown> = {}) => JSON.stringify({ documentId: sha256(body), ...extra });
const fastPathRuns = (gateway: TestGateway) => metricTotal(gateway, 'gateway_graphql_trusted_fast_path_operations_total');

/**
 * Every request goes to two gateways on the same simulator, built from the same manifest: one
 * runs trusted operations on the fast path, the other (GRAPHQL_TRUSTED_FAST_PATH=false) through
 * Apollo Server's pipeline. The answers must be the same bytes; the fast path's counter says
 * which requests it answered itself and which it left to Apollo Server.
 */
describe('Trusted fast path: a trusted operation answers as Apollo Server answers it', () => {
  let fast: TestGateway;
  let apollo: TestGateway;
  let admin: SimulatorAdmin;
  const env = { NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true', GRAPHQL_TRUSTED_DOCUMENTS: writeManifest(MANIFEST), GRAPHQL_MAX_COST: '600' };

  beforeAll(async () => {
    fast = await startTestGateway({ env });
    apollo = await startTestGateway({ env: { ...env, GRAPHQL_TRUSTED_FAST_PATH: 'false' }, configure: (config) => useSimulator(config, fast.simulatorUrl) });
    admin = new SimulatorAdmin(fast.simulatorUrl);
  });
  afterAll(async () => {
    await Promise.all([fast?.close(), apollo?.close()]);
  });
  beforeEach(async () => {
    await admin.clearFaults();
  });

  /** The same request to both gateways (while `fault` holds, when given): the two answers, and how many the fast path ran itself. */
  async function both(body: string, headers?: Record<string, string>, fault?: FaultDefinition): Promise<{ answer: Exchange; ranFast: number }> {
    const before = await fastPathRuns(fast);
    // Every attempt fails, retries included, on both gateways.
    if (fault !== undefined) await admin.addFault({ ...fault, times: 0 });
    const answer = await exchange(fast, body, headers);
    const ranFast = (await fastPathRuns(fast)) - before;
    const reference = await exchange(apollo, body, headers);
    await admin.clearFaults();
    expect(answer).toEqual(reference);
    expect(await fastPathRuns(apollo)).toBe(0);
    return { answer, ranFast };
  }

  it.each([
    ['a query by documentId, with variables', byId(NUMBER_QUERY, { variables: { phoneNumber: PHONE } })],
    ['a query by documentId, with operationName', byId(NUMBER_QUERY, { variables: { phoneNumber: PHONE }, operationName: 'Number' })],
    ['a query by sha256: prefixed documentId', JSON.stringify({ documentId: `sha256:${sha256(NUMBERS_QUERY)}` })],
    ['a query by extensions.persistedQuery', JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(NUMBERS_QUERY) } } })],
    ['a query sent as its exact text', JSON.stringify({ query: NUMBERS_QUERY })],
    ['a query by id with its own text', byId(NUMBERS_QUERY, { query: NUMBERS_QUERY, variables: null, operationName: null, extensions: null })],
    ['a variable-sized page within the cost limit', byId(PAGE_QUERY, { variables: { n: 3 } })],
    ['the default project named explicitly', byId(PROJECT_QUERY, { variables: { projectId: null } })],
    ['a skipped root field', byId(SKIPPED_QUERY, { variables: { skip: true } })],
    ['a mutation', byId(RENAME_MUTATION, { variables: { phoneNumber: PHONE } })],
    ['a number the project does not have (null)', byId(NUMBER_QUERY, { variables: { phoneNumber: '+12015550999' } })],
  ])('%s: the same answer, from the fast path', async (_name, body) => {
    const { answer, ranFast } = await both(body);
    expect(answer.status).toBe(200);
    expect(ranFast).toBe(1);
  });

  it.each([
    ['a 500 with an upstream message', { path: '/activeNumbers/', status: 500, body: { error: { code: 500, message: 'internal trouble at https://internal.example/x', status: 'INTERNAL' } } }],
    ['a 429 with Retry-After', { path: '/activeNumbers/', status: 429, headers: { 'retry-after': '7' }, body: { error: { code: 429, message: 'slow down', status: 'RESOURCE_EXHAUSTED' } } }],
    ['a 200 that is not JSON', { path: '/activeNumbers/', status: 200, headers: { 'content-type': 'application/json' }, body: '{"phoneNumber": ' }],
  ] as Array<[string, FaultDefinition]>)('an upstream failure (%s): the same errors, from the fast path', async (_name, fault) => {
    const { answer, ranFast } = await both(byId(NUMBER_QUERY, { variables: { phoneNumber: PHONE } }), undefined, fault);
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { code: expect.any(String), requestId: '<request id>' } }] });
    expect(ranFast).toBe(1);
  });

  it.each([
    ['variables that do not coerce', byId(NUMBER_QUERY, { variables: { phoneNumber: 'not a number' } }), 400],
    ['a required variable missing', byId(NUMBER_QUERY), 400],
    ['variables of the wrong type', byId(NUMBER_QUERY, { variables: { phoneNumber: 12015550144 } }), 400],
    ['variables as a JSON string', byId(NUMBER_QUERY, { variables: JSON.stringify({ phoneNumber: PHONE }) }), 400],
    ['variables as a list', byId(NUMBER_QUERY, { variables: [PHONE] }), 400],
    ['extensions as a string', byId(NUMBERS_QUERY, { extensions: 'x' }), 400],
    ['an operationName the document does not have', byId(NUMBERS_QUERY, { operationName: 'Other' }), 400],
    ['an operationName that is not a string', byId(NUMBERS_QUERY, { operationName: 7 }), 400],
    ['a page over the cost limit by its variables', byId(PAGE_QUERY, { variables: { n: 100_000 } }), 400],
    ['a project that is not the caller\'s', byId(PROJECT_QUERY, { variables: { projectId: 'someone-else' } }), 403],
    ['two projects in one operation', byId(TWO_PROJECTS_QUERY, { variables: { projectId: 'someone-else' } }), 400],
  ])('%s: refused as Apollo Server refuses it, which answers it', async (_name, body, status) => {
    const { answer, ranFast } = await both(body);
    expect(answer.status).toBe(status);
    expect(ranFast).toBe(0);
  });

  it.each([
    ['an accept of application/graphql-response+json', { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, 200, 1],
    ['an accept that prefers JSON with parameters', { 'content-type': 'application/json; charset=utf-8', accept: 'application/json;q=0.9, */*;q=0.1' }, 200, 1],
    ['an accept of nothing a single result can be', { 'content-type': 'application/json', accept: 'text/html' }, 406, 0],
    ['a text/plain body (CSRF prevention)', { 'content-type': 'text/plain' }, 400, 0],
    ['no content type (Fastify refuses the body)', {}, 415, 0],
  ])('%s: the same answer', async (_name, headers, status, ranFast) => {
    const result = await both(byId(NUMBERS_QUERY), headers as Record<string, string>);
    expect(result.answer.status).toBe(status);
    expect(result.ranFast).toBe(ranFast);
  });

  it('counts and times each operation in /metrics as Apollo Server does, outcome included', async () => {
    const count = (gateway: TestGateway, outcome: string) => metricTotal(gateway, 'gateway_graphql_operations_total', { operation_name: 'Number', outcome });
    const timed = async (gateway: TestGateway) => {
      const histogram = await gateway.gateway.metrics.registry.getSingleMetric('gateway_graphql_operation_duration_seconds')?.get();
      const counts = (histogram?.values ?? []).filter((value) => (value as { metricName?: string }).metricName === 'gateway_graphql_operation_duration_seconds_count' && value.labels['operation_name'] === 'Number');
      return counts.reduce((sum, value) => sum + value.value, 0);
    };
    const failure: FaultDefinition = { path: '/activeNumbers/', status: 503, body: { error: { code: 503, message: 'down', status: 'UNAVAILABLE' } } };
    const before = await Promise.all([count(fast, 'success'), count(apollo, 'success'), timed(fast), timed(apollo)]);
    await both(byId(NUMBER_QUERY, { variables: { phoneNumber: PHONE } }));
    const { answer } = await both(byId(NUMBER_QUERY, { variables: { phoneNumber: PHONE } }), undefined, failure);
    const code = (JSON.parse(answer.body) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code ?? '';
    expect(code).toMatch(/^UPSTREAM_/);
    const after = await Promise.all([count(fast, 'success'), count(apollo, 'success'), timed(fast), timed(apollo)]);
    expect(after.map((value, index) => value - (before[index] ?? 0))).toEqual([1, 1, 2, 2]);
    expect(await count(fast, code)).toBe(await count(apollo, code));
    expect(await count(fast, code)).toBeGreaterThan(0);
  });

  it('sends nothing upstream for a request it leaves to Apollo Server that Apollo Server refuses', async () => {
    await admin.clearRequests();
    await both(byId(PAGE_QUERY, { variables: { n: 100_000 } }));
    await both(byId(PROJECT_QUERY, { variables: { projectId: 'someone-else' } }));
    expect(await admin.requests()).toEqual([]);
  });
});

describe('Trusted fast path: an anonymous operation, development mode, tracing', () => {
  const traces = inMemoryTracing();
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { GRAPHQL_TRUSTED_DOCUMENTS: writeManifest(clientPresetManifest([ANONYMOUS_QUERY])) }, tracing: traces.tracing });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('runs an anonymous trusted operation on the fast path, inside an operation span named like Apollo Server\'s', async () => {
    const before = await fastPathRuns(gateway);
    const answer = await exchange(gateway, byId(ANONYMOUS_QUERY), { 'content-type': 'application/json', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { sipTrunks: { totalCount: expect.any(Number) } } });
    expect((await fastPathRuns(gateway)) - before).toBe(1);
    const spans = await traces.until((finished) => finished.some((span) => span.name === 'query' && span.spanContext().traceId === '0af7651916cd43dd8448eb211c80319c'));
    const operation = spans.find((span) => span.name === 'query' && span.spanContext().traceId === '0af7651916cd43dd8448eb211c80319c');
    expect(operation?.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.document.sha256': sha256(ANONYMOUS_QUERY), 'graphql.document.hashed': 'exact' });
    // The upstream calls ran inside it.
    const upstream = spans.filter((span) => span.parentSpanContext?.spanId === operation?.spanContext().spanId || span.name.startsWith('GET'));
    expect(upstream.length).toBeGreaterThan(0);
  });

  it('leaves arbitrary documents to Apollo Server', async () => {
    const before = await fastPathRuns(gateway);
    const answer = await exchange(gateway, JSON.stringify({ query: '{ sipTrunks(first: 1) { totalCount } }' }));
    expect(answer.status).toBe(200);
    expect((await fastPathRuns(gateway)) - before).toBe(0);
  });
});

describe('Trusted fast path: GRAPHQL_TRUSTED_FAST_PATH', () => {
  it('is on by default, off with false, and refuses anything but a boolean', () => {
    expect(loadConfig({}).graphql.trustedFastPath).toBe(true);
    expect(loadConfig({ GRAPHQL_TRUSTED_FAST_PATH: 'false' }).graphql.trustedFastPath).toBe(false);
    expect(() => loadConfig({ GRAPHQL_TRUSTED_FAST_PATH: 'sometimes' })).toThrow(/GRAPHQL_TRUSTED_FAST_PATH/);
  });
});
