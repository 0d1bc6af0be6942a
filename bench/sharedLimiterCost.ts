import { spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcessGroup } from './ChildProcessGroup.js';
import { percentile } from './measureCell.js';
import { graphql, postJson } from './postJson.js';
import { freePort, startGateway } from './startBenchProcesses.js';

/** The cost of the shared report budget on `reportVerification` (docs/benchmarks.md, "The shared limiter"). */
export interface SharedLimiterResult {
  reports: number;
  inProcess: { p50Ms: number; p99Ms: number };
  redis: { p50Ms: number; p99Ms: number };
  failures: number;
}

const START = 'mutation ($phoneNumber: PhoneNumber!) { startVerification(input: { phoneNumber: $phoneNumber, method: SMS }) { id } }';
const REPORT = 'mutation ($phoneNumber: PhoneNumber!, $code: String!) { reportVerification(input: { phoneNumber: $phoneNumber, method: SMS, code: $code }) { status } }';

/**
 * Two gateway processes (dist/) over the benchmark's simulator at 0 ms latency: one keeps the
 * report budget in the process, the other in a `redis-server` on loopback (`REDIS_URL`). On each,
 * `reports` verifications are started (unmeasured), then each is reported once, one request at a
 * time and in turn on the two gateways, with its right code: every report takes its budget and
 * makes its upstream call. The
 * difference of the two is what the shared limiter costs a report (one Lua script, plus the
 * connection's round trip). Undefined (with a reason logged) when `redis-server` is missing.
 */
export async function measureSharedLimiterCost(options: { group: ChildProcessGroup; root: string; simulatorUrl: string; reports: number; log: (line: string) => void }): Promise<SharedLimiterResult | undefined> {
  const binary = process.env['REDIS_SERVER_BIN'] ?? 'redis-server';
  if (spawnSync(binary, ['--version']).status !== 0) {
    options.log(`shared limiter cost: not measured (${binary} is not installed)`);
    return undefined;
  }
  const port = await freePort();
  const redis = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
  const killRedis = () => redis.kill('SIGKILL');
  process.once('exit', killRedis);
  try {
    await untilListening(port);
    const [inProcess, shared] = await Promise.all([
      startGateway(options.group, options.root, options.simulatorUrl, [], { name: 'gateway (budget in process)' }),
      startGateway(options.group, options.root, options.simulatorUrl, [], { name: 'gateway (budget in Redis)', env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: 'bench:' } }),
    ]);
    let failures = 0;
    // Numbers of their own per gateway: the simulator is shared, and its code is the number's last four digits.
    const numbersOf = (offset: number) => Array.from({ length: options.reports }, (_, index) => `+4670${String(offset + index).padStart(7, '0')}`);
    const sides = [
      { url: `${inProcess.origin}/graphql`, numbers: numbersOf(1_000_000), latencies: [] as number[] },
      { url: `${shared.origin}/graphql`, numbers: numbersOf(2_000_000), latencies: [] as number[] },
    ];
    for (const side of sides) for (const phoneNumber of side.numbers) await graphql(side.url, START, { phoneNumber });
    // Interleaved, one report on each gateway in turn: a busy machine's drift hits both alike.
    for (let index = 0; index < options.reports; index++) {
      for (const side of sides) {
        const phoneNumber = side.numbers[index] ?? '';
        const body = JSON.stringify({ query: REPORT, variables: { phoneNumber, code: phoneNumber.slice(-4) } });
        const startedAt = performance.now();
        const { status, json } = await postJson(side.url, body);
        const elapsed = performance.now() - startedAt;
        const answer = json['data'] as { reportVerification?: { status?: string } } | undefined;
        if (status !== 200 || json['errors'] !== undefined || answer?.reportVerification?.status !== 'SUCCESSFUL') failures += 1;
        // The first tenth warms up connections, scripts and graphql-jit.
        if (index >= Math.floor(options.reports / 10)) side.latencies.push(elapsed);
      }
    }
    const figures = (latencies: number[]) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return { p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
    };
    const result: SharedLimiterResult = { reports: options.reports, inProcess: figures(sides[0]?.latencies ?? []), redis: figures(sides[1]?.latencies ?? []), failures };
    options.log(
      `shared limiter: reportVerification p50 ${result.inProcess.p50Ms.toFixed(2)} ms in process, ${result.redis.p50Ms.toFixed(2)} ms with Redis (p99 ${result.inProcess.p99Ms.toFixed(2)} / ${result.redis.p99Ms.toFixed(2)} ms), ${failures} failures`,
    );
    await Promise.all([inProcess.stop(), shared.stop()]);
    return result;
  } finally {
    killRedis();
    process.removeListener('exit', killRedis);
  }
}


async function untilListening(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(25);
  }
  throw new Error(`redis-server did not listen on ${port} within 5 s`);
}
