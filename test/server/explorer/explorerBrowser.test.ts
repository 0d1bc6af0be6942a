import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';
import { buildExplorerOnce } from './buildExplorerOnce.js';

/** Debian's Chromium, as CI installs it (.ci/run); never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = new URL('../../../docs/explorer.png', import.meta.url);

const isLoopback = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
};

describe('Explorer: GraphiQL in a real browser, served by the gateway alone', () => {
  let gateway: TestGateway;
  let browser: Browser;

  beforeAll(async () => {
    const assetsDirectory = await buildExplorerOnce();
    const catalogue = join(mkdtempSync(join(tmpdir(), 'error-examples-')), 'error-examples.json');
    writeFileSync(
      catalogue,
      JSON.stringify([{ seed: 'numbers', service: 'NUMBERS', httpStatus: 404, code: 'NOT_FOUND', message: 'Number not found', operation: { query: '{ number(phoneNumber: "+12015550199") { phoneNumber } }' } }]),
    );
    gateway = await startTestGateway({ dependencies: { explorer: { assetsDirectory, errorExamplesPath: catalogue } } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('loads /explorer, runs a query given by ?query= and shows its result, with no request leaving loopback', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const requested: string[] = [];
    const refused: string[] = [];
    // Every request the page (or a worker of it) makes goes through here; anything not on
    // loopback is recorded and refused, so the test also proves the page works without it.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      requested.push(url);
      if (isLoopback(url)) {
        await route.continue();
      } else {
        refused.push(url);
        await route.abort();
      }
    });
    const sockets: string[] = [];
    const page = await context.newPage();
    page.on('websocket', (socket) => sockets.push(socket.url()));
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    const query = '{ numbers(first: 3) { totalCount nodes { phoneNumber } } }';
    await page.goto(`${gateway.url}/explorer?query=${encodeURIComponent(query)}`);
    await page.locator('.graphiql-execute-button').click({ timeout: 60_000 });
    const result = page.locator('.result-window');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 60_000 }).toContain('totalCount');
    const text = ((await result.textContent()) ?? '').replace(/\s+/g, '');
    expect(text).toContain('"phoneNumber":"+1');
    expect(text).not.toContain('errors');

    // The catalogue's entry and the README's examples are tabs.
    const tabs = await page.locator('.graphiql-tab').allTextContents();
    expect(tabs.length).toBeGreaterThanOrEqual(8);

    await page.screenshot({ path: SCREENSHOT.pathname });
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.filter((url) => !isLoopback(url))).toEqual([]);
    expect(refused).toEqual([]);
    expect(sockets.filter((url) => !isLoopback(url.replace(/^ws/, 'http')))).toEqual([]);
    expect(consoleErrors.filter((message) => /Content Security Policy|Refused to/.test(message))).toEqual([]);
    await context.close();
  }, 180_000);

  it('runs a subscription over graphql-ws on the same origin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    const subscription = 'subscription { numberProvisioningChanged(phoneNumber: "+12015550146") { source status } }';
    await page.goto(`${gateway.url}/explorer?query=${encodeURIComponent(subscription)}`);
    await page.locator('.graphiql-execute-button').click({ timeout: 60_000 });
    await expect.poll(async () => (await page.locator('.result-window').textContent()) ?? '', { timeout: 60_000 }).toContain('numberProvisioningChanged');
    expect(sockets).toEqual([`${gateway.url.replace('http', 'ws')}/graphql`]);
    await context.close();
  }, 120_000);
});
