import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/server/createLogger.js';
import { loadErrorExamples } from '../../../src/server/explorer/loadErrorExamples.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';
import { buildExplorerOnce } from './buildExplorerOnce.js';

const scratch = mkdtempSync(join(tmpdir(), 'explorer-route-'));
const logger = createLogger('silent');

async function fetchText(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

describe('Explorer: the /explorer route', () => {
  let assetsDirectory: string;
  const started: TestGateway[] = [];
  const start = async (env: Record<string, string>, dependencies = {}) => {
    const gateway = await startTestGateway({ env, dependencies: { explorer: { assetsDirectory, errorExamplesPath: join(scratch, 'absent.json'), ...dependencies } } });
    started.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    assetsDirectory = await buildExplorerOnce();
  }, 180_000);
  afterAll(async () => {
    await Promise.all(started.map((gateway) => gateway.close()));
  });

  it('serves the page and its bundle from the gateway, under a policy that allows no other origin', async () => {
    const gateway = await start({});
    const page = await fetchText(`${gateway.url}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.text).not.toMatch(/https?:\/\//);
    const script = await request(`${gateway.url}/explorer/assets/explorer.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-encoding']).toBe('gzip');
    await script.body.dump();
  });

  it('opens with the README examples, and with no catalogue when docs/error-examples.json is absent', async () => {
    const gateway = await start({});
    const settings = JSON.parse(/<script type="application\/json" id="explorer-settings">(.*?)<\/script>/s.exec((await fetchText(`${gateway.url}/explorer`)).text)?.[1] ?? '{}') as { examples: Array<{ query: string }> };
    expect(settings.examples.map((example) => /(?:query|mutation|subscription) (\w+)/.exec(example.query)?.[1])).toEqual([
      'NumbersWithProvisioning',
      'FailedProvisioning',
      'Resubmit',
      'Trunks',
      'Start',
      'Follow',
      'ProvisioningReport',
    ]);
  });

  it('serves only the files of the bundle, by name', async () => {
    const gateway = await start({});
    for (const path of ['/explorer/assets/..%2F..%2Fpackage.json', '/explorer/assets/%2e%2e', '/explorer/assets/missing.js', '/explorer/assets/../../package.json']) {
      expect((await fetchText(`${gateway.url}${path}`)).status).toBe(404);
    }
  });

  it('is off in production unless GRAPHQL_EXPLORER=true, and says how to build it when it is not built', async () => {
    const production = await start({ NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true' });
    expect((await fetchText(`${production.url}/explorer`)).status).toBe(404);
    const enabled = await start({ NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true', GRAPHQL_EXPLORER: 'true' });
    expect((await fetchText(`${enabled.url}/explorer`)).status).toBe(200);
    const unbuilt = await start({}, { assetsDirectory: join(scratch, 'nothing') });
    expect(await fetchText(`${unbuilt.url}/explorer`)).toMatchObject({ status: 503, text: expect.stringContaining('npm run build') });
  });
});

describe('Explorer: the error catalogue as examples', () => {
  it('turns each entry into a tab, its upstream answer and setup as one-line comments', () => {
    const path = join(scratch, 'catalogue.json');
    writeFileSync(
      path,
      JSON.stringify([
        { seed: 'verification', service: 'VERIFICATION', httpStatus: 429, code: 'RATE_LIMITED', message: 'Too many\nrequests', setup: { fault: 'rate' }, operation: { query: '{ __typename }', variables: { a: 1 } } },
        { service: 'NUMBERS', httpStatus: 'not a number', code: 'X', message: '', operation: { query: '{ __typename }' } },
        'nothing',
      ]),
    );
    expect(loadErrorExamples(path, logger)).toEqual([
      { query: '# RATE_LIMITED: VERIFICATION answers HTTP 429\n# Too many requests\n# simulator setup: {"fault":"rate"}\n{ __typename }', variables: '{\n  "a": 1\n}' },
    ]);
  });

  it("offers every entry of the repository's catalogue (docs/error-examples.json)", () => {
    const path = new URL('../../../docs/error-examples.json', import.meta.url).pathname;
    const entries = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
    expect(loadErrorExamples(path, logger)).toHaveLength(entries.length);
  });

  it('is empty when the file is absent, not JSON, or not an array', () => {
    expect(loadErrorExamples(join(scratch, 'absent.json'), logger)).toEqual([]);
    writeFileSync(join(scratch, 'broken.json'), '{');
    expect(loadErrorExamples(join(scratch, 'broken.json'), logger)).toEqual([]);
    writeFileSync(join(scratch, 'object.json'), '{}');
    expect(loadErrorExamples(join(scratch, 'object.json'), logger)).toEqual([]);
  });
});
