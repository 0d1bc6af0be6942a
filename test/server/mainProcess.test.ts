import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { freePort, startMain } from '../support/startMainProcess.js';
import type { RunningMain } from '../support/startMainProcess.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('main.ts: the process shuts down on SIGTERM', () => {
  let running: RunningMain | undefined;
  afterEach(() => {
    if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  });

  it('drains an in-flight request, then exits 0', async () => {
    const port = await freePort();
    running = await startMain(port);
    const url = `http://127.0.0.1:${port}`;
    expect((await request(`${url}/ready`)).statusCode).toBe(200);

    const { response: inFlight } = await slowQueryInFlight(running, port, 500);
    running.child.kill('SIGTERM');
    const response = await inFlight;

    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toEqual({ data: { numbers: { totalCount: expect.any(Number) } } });
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.output.join('')).toContain('"signal":"SIGTERM"');
  });

  it('exits at once, with 1, on a second signal during the drain', async () => {
    const port = await freePort();
    running = await startMain(port);
    const { response: inFlight } = await slowQueryInFlight(running, port, 5_000);

    running.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    running.child.kill('SIGINT');
    expect(await running.exited).toEqual({ code: 1, signal: null });
    await expect(inFlight).rejects.toThrow();
  });
});

/**
 * Starts a query that the embedded simulator answers only after `latencyMs`, and resolves once
 * the simulator holds it: the query is then surely in flight.
 */
async function slowQueryInFlight(running: RunningMain, port: number, latencyMs: number): Promise<{ response: ReturnType<typeof request> }> {
  const simulatorUrl = /"simulatorUrl":"([^"]+)"/.exec(running.output.join(''))?.[1] ?? '';
  const admin = new SimulatorAdmin(simulatorUrl);
  const query = () =>
    request(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ numbers(first: 1) { totalCount } }' }),
    });
  // Fetches the OAuth token first, so the slow query waits on the Numbers API alone.
  await (await query()).body.dump();
  await admin.configure({ latencyMs });
  const inFlight = query();
  inFlight.catch(() => undefined);
  while ((await admin.requests('NUMBERS')).filter((entry) => entry.status === null).length === 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  // Wrapped: an async function returning the promise itself would wait for the response.
  return { response: inFlight };
}

describe('main.ts: production without Sinch credentials', () => {
  const run = (extra: Record<string, string>) => {
    const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SINCH_') && !name.startsWith('GATEWAY_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...environment, NODE_ENV: 'production', GATEWAY_AUTH: 'none', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return { child, output, exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) };
  };

  it('refuses to start, naming the missing credentials and SINCH_SIMULATOR=true', async () => {
    const { output, exited } = run({});
    expect(await exited).not.toBe(0);
    expect(output.join('')).toContain('production never falls back to the embedded simulator');
    expect(output.join('')).not.toContain('GraphQL gateway ready');
  });

  it('serves the simulator when SINCH_SIMULATOR=true says so', async () => {
    const { child, output, exited } = run({ SINCH_SIMULATOR: 'true' });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => (output.join('').includes('GraphQL gateway ready') ? resolve() : undefined));
      void exited.then(() => reject(new Error(`main.ts exited:\n${output.join('')}`)));
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('main.ts: start-up problems an operator can fix', () => {
  it('names a busy port in one line and exits 1, without a stack trace', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    const port = address !== null && typeof address === 'object' ? address.port : 0;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', SINCH_SIMULATOR: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const output: string[] = [];
      child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      const text = output.join('');
      expect(code).toBe(1);
      expect(text).toContain(`port ${port} on 127.0.0.1 is already in use: stop what listens there, or set PORT to another port`);
      expect(text).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  }, 60_000);

  it('says where the callback signing key comes from, and names Sandbox and the explorer, at start-up', async () => {
    const port = await freePort();
    const running = await startMain(port);
    running.child.kill('SIGTERM');
    await running.exited;
    const line = running.output.join('').split('\n').find((entry) => entry.includes('receiving Numbers callbacks')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ signingKeyFrom: 'each project, read from Sinch' });
    expect(line).not.toContain('[redacted]');
    const ready = running.output.join('').split('\n').find((entry) => entry.includes('GraphQL gateway ready')) ?? '{}';
    expect(JSON.parse(ready)).toMatchObject({ sandbox: `http://127.0.0.1:${port}/graphql`, explorer: `http://127.0.0.1:${port}/explorer` });
  }, 60_000);
});

/** The exit of `running`, or `'still running'` if it has not exited within `withinMs` (a bound for "did not hang"). */
async function exitWithin(running: RunningMain, withinMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), withinMs)));
  try {
    return await Promise.race([running.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("main.ts: shutdown when stdout's reader has gone away", () => {
  let running: RunningMain | undefined;
  afterEach(() => {
    if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  });

  it('still drains and exits 0 on SIGTERM (logging cannot hold the exit)', async () => {
    const port = await freePort();
    running = await startMain(port);
    running.child.stdout?.destroy();
    running.child.kill('SIGTERM');
    // SHUTDOWN_GRACE_MS is 2 s; the hard exit would come at 7 s.
    expect(await exitWithin(running, 10_000)).toEqual({ code: 0, signal: null });
  }, 20_000);

  it('exits at once, with 1, on a second signal while a request holds the drain', async () => {
    const port = await freePort();
    running = await startMain(port);
    const { response: inFlight } = await slowQueryInFlight(running, port, 5_000);
    running.child.stdout?.destroy();
    // The second signal while the first one's log line is still being written.
    running.child.kill('SIGTERM');
    running.child.kill('SIGINT');
    expect(await exitWithin(running, 3_000)).toEqual({ code: 1, signal: null });
    await expect(inFlight).rejects.toThrow();
  }, 20_000);
});
