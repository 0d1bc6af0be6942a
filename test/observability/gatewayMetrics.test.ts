import DataLoader from 'dataloader';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayMetrics } from '../../src/observability/GatewayMetrics.js';
import { measuredBatch } from '../../src/upstream/measuredBatch.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

async function scrape(gateway: TestGateway): Promise<{ status: number; contentType: string | string[] | undefined; text: string }> {
  const response = await request(`${gateway.url}/metrics`);
  return { status: response.statusCode, contentType: response.headers['content-type'], text: await response.body.text() };
}

/** The value of one sample line of the exposition, such as `name{a="b"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics: Prometheus metrics of one gateway', () => {
  let gateway: TestGateway;
  let other: TestGateway;

  beforeAll(async () => {
    [gateway, other] = await Promise.all([startTestGateway(), startTestGateway()]);
    await gateway.query('query ListNumbers { numbers(first: 2) { totalCount } }');
    await gateway.query('query ListNumbers { numbers(first: 2) { totalCount } }');
    await gateway.query('query Broken { numbrs }');
    await gateway.query('query Bad($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber } }', { phoneNumber: 'not-a-number' });
  });
  afterAll(async () => {
    await Promise.all([gateway.close(), other.close()]);
  });

  it('serves the text exposition format', async () => {
    const { status, contentType, text } = await scrape(gateway);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('# TYPE gateway_graphql_operations_total counter');
  });

  it('counts GraphQL operations by name, type and outcome, with a latency histogram', async () => {
    const { text } = await scrape(gateway);
    expect(sample(text, 'gateway_graphql_operations_total{operation_name="ListNumbers",operation_type="query",outcome="success"}')).toBe(2);
    expect(sample(text, 'gateway_graphql_operations_total{operation_name="unresolved",operation_type="unknown",outcome="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'gateway_graphql_operations_total{operation_name="Bad",operation_type="query",outcome="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(text, 'gateway_graphql_operation_duration_seconds_count{operation_name="ListNumbers",operation_type="query",outcome="success"}')).toBe(2);
  });

  it('counts upstream calls by service, method, route template and status, with a latency histogram', async () => {
    const { text } = await scrape(gateway);
    const route = 'service="NUMBERS",method="GET",route="/v1/projects/{projectId}/activeNumbers"';
    expect(sample(text, `gateway_upstream_requests_total{${route},status_code="200",outcome="success"}`)).toBe(2);
    expect(sample(text, `gateway_upstream_request_duration_seconds_count{${route}}`)).toBe(2);
    expect(sample(text, 'gateway_upstream_requests_total{service="AUTH",method="POST",route="/oauth2/token",status_code="200",outcome="success"}')).toBe(1);
  });

  it('exposes HTTP responses, the active subscriptions gauge (0) and the default process metrics', async () => {
    const { text } = await scrape(gateway);
    expect(sample(text, 'gateway_http_responses_total{method="POST",route="/graphql",status_code="400"}')).toBe(2);
    expect(sample(text, 'gateway_http_responses_total{method="POST",route="/graphql",status_code="200"}')).toBe(2);
    expect(sample(text, 'gateway_graphql_active_subscriptions')).toBe(0);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('keeps each gateway in its own registry', async () => {
    const { text } = await scrape(other);
    expect(text).not.toContain('ListNumbers');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('counts every client-chosen operation name past 200 as "other"', async () => {
    const metrics = new GatewayMetrics();
    for (let index = 0; index < 205; index++) metrics.observeOperation({ name: `Operation${index}`, type: 'query', outcome: 'success', seconds: 0.01 });
    const text = await metrics.registry.metrics();
    expect(sample(text, 'gateway_graphql_operations_total{operation_name="other",operation_type="query",outcome="success"}')).toBe(5);
  });
});

describe('measuredBatch: DataLoader batch sizes', () => {
  it('records each batch of a loader in the metrics its scope reports to', async () => {
    const metrics = new GatewayMetrics();
    const scope = { observeBatch: (name: string, size: number) => metrics.observeBatchSize(name, size) };
    const batches: number[][] = [];
    const loader = new DataLoader(
      measuredBatch(scope, 'test.items', async (keys: readonly number[]) => {
        batches.push([...keys]);
        return keys.map((key) => key * 2);
      }),
    );
    await Promise.all([loader.load(1), loader.load(2), loader.load(3)]);
    await loader.load(4);
    expect(batches).toEqual([[1, 2, 3], [4]]);
    const text = await metrics.registry.metrics();
    expect(sample(text, 'gateway_dataloader_batch_size_count{loader="test.items"}')).toBe(2);
    expect(sample(text, 'gateway_dataloader_batch_size_sum{loader="test.items"}')).toBe(4);
  });

  it('does nothing when the scope has no observer', async () => {
    const loader = new DataLoader(measuredBatch({}, 'nowhere', async (keys: readonly number[]) => keys));
    await expect(loader.load(3)).resolves.toBe(3);
  });
});
