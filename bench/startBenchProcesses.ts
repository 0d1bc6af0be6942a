import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import {
  SIMULATOR_APPLICATION_KEY,
  SIMULATOR_APPLICATION_SECRET,
  SIMULATOR_KEY_ID,
  SIMULATOR_KEY_SECRET,
  SIMULATOR_PROJECT_ID,
} from '../src/simulator/simulatorCredentials.js';
import { waitForLine } from './ChildProcessGroup.js';
import type { BenchChild, ChildProcessGroup } from './ChildProcessGroup.js';
import { EXTRA_NUMBERS } from './scenarioConstants.js';

const READY_TIMEOUT_MS = 30_000;
/** Keep-alive connections per upstream service, for the gateway and the baseline alike. */
export const UPSTREAM_CONNECTIONS = 32;

/**
 * The gateway's environment beyond the simulator's address and credentials, and why
 * (docs/benchmarks.md prints this table).
 */
export const GATEWAY_BENCH_ENVIRONMENT: Array<[string, string, string]> = [
  ['NODE_ENV', 'production', 'as deployed: no landing page, no introspection'],
  ['GATEWAY_AUTH', 'none', 'the figures are of the gateway over Sinch; caller authentication (apiKey, jwt) is not measured'],
  ['LOG_LEVEL', process.env['BENCH_LOG_LEVEL'] ?? 'warn', 'per-request info logs would measure the log pipe, not the gateway (BENCH_LOG_LEVEL overrides)'],
  ['GRAPHQL_MAX_COST', '50000', 'the 1000-number operation of the growth table costs 14,000 by the cost model (limit 10,000)'],
  ['UPSTREAM_CONNECTIONS', String(UPSTREAM_CONNECTIONS), 'the default, stated: the baseline gets the same per service'],
  ['UPSTREAM_QUEUE_LIMIT', '100000', 'at 50 connections up to 250 endpoint calls wait for the 32 connections; the default 64 would refuse them'],
  ['UPSTREAM_RETRY_MAX', '0', 'a retry would hide a failed call: every failure must show as an error'],
  ['UPSTREAM_CIRCUIT_MIN_CALLS', '1000000', 'a failure must fail its own request only, never open the circuit for the cells after it'],
  ['REDIS_KEY_SECRET', 'bench-only digest key, 32+ characters long', 'production requires it with REDIS_URL (the cells with Redis); ignored without'],
];

/**
 * The `NODE_OPTIONS` the Dockerfile runs the gateway with (its `ENV NODE_OPTIONS=` line): the
 * benchmark runs the gateway as deployed, and the baseline with the same options.
 */
export function deployedNodeOptions(root: string): string {
  const match = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'));
  if (match?.[1] === undefined) throw new Error('the Dockerfile sets no ENV NODE_OPTIONS="..." line');
  return match[1];
}

export interface BenchProcesses {
  simulator: BenchChild & { url: string };
  gateway: BenchChild & { origin: string };
  baseline: BenchChild & { origin: string };
}

const credentialsEnvironment = (simulatorUrl: string) => ({
  SINCH_PROJECT_ID: SIMULATOR_PROJECT_ID,
  SINCH_KEY_ID: SIMULATOR_KEY_ID,
  SINCH_KEY_SECRET: SIMULATOR_KEY_SECRET,
  SINCH_APPLICATION_KEY: SIMULATOR_APPLICATION_KEY,
  SINCH_APPLICATION_SECRET: SIMULATOR_APPLICATION_SECRET,
  SINCH_AUTH_URL: simulatorUrl,
  SINCH_NUMBERS_URL: simulatorUrl,
  SINCH_VERIFICATION_URL: simulatorUrl,
  SINCH_SIP_URL: simulatorUrl,
});

/** Only what node needs from the harness's environment: no stray SINCH_* or GRAPHQL_* setting leaks in. */
const baseEnvironment = () => ({ PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' });

export async function startSimulator(group: ChildProcessGroup, root: string): Promise<BenchProcesses['simulator']> {
  const child = group.spawn({
    name: 'simulator',
    cwd: root,
    args: ['--import', 'tsx', 'bench/simulatorMain.ts'],
    env: { ...baseEnvironment(), BENCH_EXTRA_NUMBERS: String(EXTRA_NUMBERS), BENCH_SIMULATOR_PORT: '0' },
  });
  const match = await waitForLine(child, /READY (http:\/\/127\.0\.0\.1:\d+)/, READY_TIMEOUT_MS);
  return Object.assign(child, { url: match[1] ?? '' });
}

export async function startBaseline(group: ChildProcessGroup, root: string, simulatorUrl: string): Promise<BenchProcesses['baseline']> {
  const child = group.spawn({
    name: 'baseline',
    cwd: root,
    args: ['--import', 'tsx', 'bench/baselineMain.ts'],
    env: {
      ...baseEnvironment(),
      ...credentialsEnvironment(simulatorUrl),
      // The same Node.js options as the gateway: the floor gets every runtime setting the gateway gets.
      NODE_OPTIONS: deployedNodeOptions(root),
      BASELINE_UPSTREAM_URL: simulatorUrl,
      UPSTREAM_CONNECTIONS: String(UPSTREAM_CONNECTIONS),
    },
  });
  const match = await waitForLine(child, /READY (http:\/\/127\.0\.0\.1:\d+)/, READY_TIMEOUT_MS);
  return Object.assign(child, { origin: match[1] ?? '' });
}

/**
 * `node dist/main.js`, pointed at the external simulator; `extraNodeArguments` is for `--cpu-prof`.
 * BENCH_GATEWAY_ENTRY runs another build instead (an A/B comparison of a change).
 */
export async function startGateway(
  group: ChildProcessGroup,
  root: string,
  simulatorUrl: string,
  extraNodeArguments: string[] = [],
  options: { name?: string; env?: Record<string, string>; entry?: string } = {},
): Promise<BenchProcesses['gateway']> {
  const port = await freePort();
  const child = group.spawn({
    name: options.name ?? 'gateway',
    cwd: root,
    args: [...extraNodeArguments, options.entry ?? process.env['BENCH_GATEWAY_ENTRY'] ?? 'dist/main.js'],
    env: {
      ...baseEnvironment(),
      ...credentialsEnvironment(simulatorUrl),
      ...Object.fromEntries(GATEWAY_BENCH_ENVIRONMENT.map(([name, value]) => [name, value])),
      NODE_OPTIONS: deployedNodeOptions(root),
      ...options.env,
      SINCH_SIMULATOR: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
    },
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, `${origin}/ready`);
  return Object.assign(child, { origin });
}

async function waitUntilReady(child: BenchChild, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`the gateway exited (code ${child.process.exitCode}):\n${child.output()}`);
    try {
      const response = await request(url, { headersTimeout: 1000, bodyTimeout: 1000 });
      await response.body.dump();
      if (response.statusCode === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`the gateway was not ready at ${url} within ${READY_TIMEOUT_MS} ms:\n${child.output()}`);
}

/** A port free on loopback right now (the gateway takes its port from PORT and cannot report a port 0 choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
