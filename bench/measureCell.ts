import autocannon from 'autocannon';
import type { AutocannonOptions, AutocannonRequest, AutocannonResult } from 'autocannon';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuTimeMs, memoryMb } from './processStats.js';
import { JSON_HEADERS } from './postJson.js';
import type { Scenario } from './scenarios.js';
import type { SimulatorAdmin } from './SimulatorAdmin.js';

/** The server under load: the gateway or the baseline. */
export interface LoadTarget {
  kind: 'gateway' | 'baseline';
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  pid: number;
  pathFor(scenario: Scenario): string;
  bodyFor(scenario: Scenario, iteration: number): string;
}

export interface CellResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerOperation: number;
  upstreamCallsPerOperation: number;
  /** The same, per upstream service (NUMBERS, SIP_TRUNKING, VERIFICATION). */
  upstreamCallsPerOperationByService: Record<string, number>;
  /** VmHWM of the target process after the cell (it only grows). */
  peakRssMb: number;
  rssMb: number;
  /** Non-2xx answers, answers with GraphQL `errors`, socket errors and timeouts. */
  failures: number;
}

export interface CellOptions {
  target: LoadTarget;
  scenario: Scenario;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  latencyMs: number;
  admin: SimulatorAdmin;
}

/**
 * Requests made so far of each varying scenario, on both servers and across runs: the mutation
 * walks its whole pool of numbers before it comes back to one (autocannon resets a connection's
 * context after each pass over its request list, so a per-connection rotation is not possible).
 */
const iterations = new Map<string, number>();

/** The next request body of a scenario, advancing its rotation. */
export function nextBody(target: LoadTarget, scenario: Scenario): string {
  const iteration = iterations.get(scenario.key) ?? 0;
  iterations.set(scenario.key, iteration + 1);
  return target.bodyFor(scenario, iteration);
}

/**
 * One measured cell: a warm-up run, then a measured run of the same load while reading the
 * target's CPU time before and after, and the simulator's request log for the upstream calls.
 * Latencies are kept per response (autocannon's own histogram has 1 ms resolution, too coarse
 * for sub-millisecond overheads).
 */
export async function measureCell(options: CellOptions): Promise<CellResult> {
  const { target, scenario, admin } = options;
  if (options.warmupSeconds > 0) await runLoad(options, options.warmupSeconds, undefined);
  await admin.clearRequestLog();
  const latencies: number[] = [];
  const cpuBefore = cpuTimeMs(target.pid);
  const started = performance.now();
  const result = await runLoad(options, options.durationSeconds, latencies);
  const elapsedSeconds = (performance.now() - started) / 1000;
  const cpuMs = cpuTimeMs(target.pid) - cpuBefore;
  // Requests cut off when the run stopped may still be on their way upstream: let them land.
  await sleep(options.latencyMs * 3 + 100);
  const byService = await admin.upstreamCallCounts();
  const callCount = Object.values(byService).reduce((sum, count) => sum + count, 0);
  const memory = memoryMb(target.pid);
  latencies.sort((left, right) => left - right);
  const completed = latencies.length;
  const failures = result.non2xx + result.mismatches + result.errors + result.timeouts;
  if (completed === 0) throw new Error(`${target.kind} completed no request in scenario ${scenario.key} (${failures} failures)`);
  return {
    requests: completed,
    requestsPerSecond: completed / elapsedSeconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    cpuMsPerOperation: cpuMs / completed,
    upstreamCallsPerOperation: callCount / completed,
    upstreamCallsPerOperationByService: Object.fromEntries(Object.entries(byService).map(([service, count]) => [service, count / completed])),
    peakRssMb: memory.peak,
    rssMb: memory.rss,
    failures,
  };
}

function runLoad(options: CellOptions, seconds: number, latencies: number[] | undefined): Promise<AutocannonResult> {
  const { target, scenario } = options;
  const request: AutocannonRequest = { method: 'POST', path: target.pathFor(scenario), headers: { ...JSON_HEADERS } };
  if (scenario.varies) {
    request.setupRequest = (prepared) => ({ ...prepared, body: nextBody(target, scenario) });
  } else {
    request.body = target.bodyFor(scenario, 0);
  }
  const autocannonOptions: AutocannonOptions = {
    url: target.origin,
    connections: options.connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    requests: [request],
    // A benchmark of error answers is meaningless: every GraphQL error is counted as a failure.
    // Apollo writes `errors` first; a data field may itself be called `errors` (scenario b).
    verifyBody: (body) => !body.startsWith('{"errors"'),
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(autocannonOptions, (error, result) => (error === null ? resolve(result) : reject(error)));
    if (latencies !== undefined) {
      instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
      });
    }
  });
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? NaN;
}
