import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogLines } from '../support/captureLogLines.js';
import type { CapturedLogLines } from '../support/captureLogLines.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

/** A one-time code, as a careless client would put it in a URL. */
const CODE = '739146';
const MUTATION = `mutation { reportVerification(input: { id: "018f2d3e-9a8b-7c6d-5e4f-3a2b1c0d9e8f", method: SMS, code: "${CODE}" }) { status } }`;
const VARIABLES_MUTATION = 'mutation Report($input: ReportVerificationInput!) { reportVerification(input: $input) { status } }';
const VARIABLES = JSON.stringify({ input: { id: '018f2d3e-9a8b-7c6d-5e4f-3a2b1c0d9e8f', method: 'SMS', code: CODE } });

async function get(gateway: TestGateway, pathAndQuery: string): Promise<number> {
  const response = await request(`${gateway.url}${pathAndQuery}`, { headers: { 'apollo-require-preflight': 'true', accept: 'application/json' } });
  await response.body.dump();
  return response.statusCode;
}

describe.each(['production', 'development'])('Request logging (NODE_ENV=%s): no query string is ever logged', (nodeEnv) => {
  let gateway: TestGateway;
  let logs: CapturedLogLines;

  beforeAll(async () => {
    logs = captureLogLines();
    gateway = await startTestGateway({ env: { NODE_ENV: nodeEnv, GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true' }, logDestination: logs.destination });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('logs a refused GET mutation (and every other GET shape) by its path only, at every log level', async () => {
    const before = logs.lines.length;
    const statuses = [
      await get(gateway, `/graphql?query=${encodeURIComponent(MUTATION)}`),
      await get(gateway, `/graphql?query=${encodeURIComponent(VARIABLES_MUTATION)}&variables=${encodeURIComponent(VARIABLES)}`),
      await get(gateway, `/graphql?variables=${encodeURIComponent(VARIABLES)}&query=${encodeURIComponent(VARIABLES_MUTATION)}&operationName=Report`),
      // Not a GraphQL route at all: Fastify's 404 log line names the URL too.
      await get(gateway, `/graphq?query=${encodeURIComponent(MUTATION)}`),
      await get(gateway, `/graphql/?query=${encodeURIComponent(MUTATION)}`),
      // Unencoded, with a fragment-looking tail and a second question mark.
      await get(gateway, `/graphql?code=${CODE}?again=${CODE}`),
      // A path Fastify cannot decode: its error names the URL.
      await get(gateway, `/graph%zzql?code=${CODE}`),
    ];
    expect(statuses.every((status) => status >= 400)).toBe(true);
    const written = logs.lines.slice(before);
    expect(written.length).toBeGreaterThanOrEqual((statuses.length - 1) * 2);
    const text = written.join('\n');
    expect(text).not.toContain(CODE);
    expect(text).not.toContain('reportVerification');
    expect(text).not.toMatch(/[?&](query|variables|code)=/);
    const urls = logs
      .records()
      .slice(before)
      .map((record) => (record['req'] as { url?: string } | undefined)?.url)
      .filter((url) => url !== undefined);
    expect(urls).toEqual(['/graphql', '/graphql', '/graphql', '/graphq', '/graphql/', '/graphql']);
  });

  it('logs POST requests by their path as before', async () => {
    const before = logs.lines.length;
    await gateway.query('{ __typename }');
    const urls = logs.records().slice(before).map((record) => (record['req'] as { url?: string } | undefined)?.url).filter((url) => url !== undefined);
    expect(urls).toEqual(['/graphql']);
  });
});
