import type { CallbackLatencyResult } from './callbackLatency.js';
import type { CellResult } from './measureCell.js';
import type { MachineInfo } from './machineInfo.js';
import type { SharedLimiterResult } from './sharedLimiterCost.js';
import type { Scenario } from './scenarios.js';
import type { TracingFigures } from './tracingCells.js';

/**
 * `gatewayUnshared`: a second gateway with UPSTREAM_SHARE_READS=false, for the throughput target's
 * cell only. `gatewayTrusted`: a third, with the scenarios' manifest (GRAPHQL_TRUSTED_DOCUMENTS,
 * only those run, as in production) and reads not shared, sent `documentId`s instead of documents.
 */
export type TargetKind = 'gateway' | 'gatewayUnshared' | 'gatewayTrusted' | 'baseline';

/** How the tables name each server. */
export const TARGET_NAMES: Record<TargetKind, string> = {
  gateway: 'gateway',
  gatewayUnshared: 'gateway, reads not shared',
  gatewayTrusted: 'gateway, trusted document, reads not shared',
  baseline: 'baseline',
};

/** One cell: a scenario on one server at one simulator latency and connection count. */
export interface Cell {
  scenario: Scenario;
  /** Numbers in the operation, for the growth table; undefined in the main table. */
  count?: number;
  latencyMs: number;
  connections: number;
  target: TargetKind;
  runs: CellResult[];
  /** Per figure, the median of the runs. */
  median: CellResult;
}

export interface SoakResult {
  scenario: Scenario;
  connections: number;
  seconds: number;
  /** Median of the RSS samples of the first `windowSeconds` after warm-up, and of the last ones. */
  rssAfterWarmupMb: number;
  rssAtEndMb: number;
  windowSeconds: number;
  /** The single readings at those two moments (one sample lands anywhere in a GC cycle). */
  rssAfterWarmupPointMb: number;
  rssAtEndPointMb: number;
  /** Lowest and highest RSS sampled every second during the run. */
  rssMinMb: number;
  rssMaxMb: number;
  /** VmHWM of the gateway at the end of the soak. */
  peakRssMb: number;
  requests: number;
  failures: number;
}

export interface ValidationRow {
  scenario: Scenario;
  count?: number;
  gatewayCalls: number;
  baselineCalls: number;
}

export interface TargetVerdict {
  target: string;
  measured: string;
  met: boolean | undefined;
}

export interface BenchReport {
  startedAt: Date;
  elapsedSeconds: number;
  /** Seconds `npm run build` took within the run; undefined when skipped (BENCH_SKIP_BUILD=1). */
  buildSeconds: number | undefined;
  quick: boolean;
  machine: MachineInfo;
  scenarios: Scenario[];
  validation: ValidationRow[];
  cells: Cell[];
  growth: Cell[];
  soak: SoakResult | undefined;
  /** reportVerification with the report budget in the process and in Redis; undefined when not measured. */
  sharedLimiter?: SharedLimiterResult | undefined;
  /** Callback-to-subscriber latency across three replicas sharing Redis; undefined when not measured. */
  callbackLatency?: CallbackLatencyResult | undefined;
  /** Cells not run because the time budget ran out. */
  skipped: string[];
  targets: TargetVerdict[];
  /** Tracing off vs the code before tracing vs tracing on; undefined when not measured. */
  tracing: TracingFigures | undefined;
  settings: { warmupSeconds: number; durationSeconds: number; headlineRuns: number };
}

/** The median of `values`; NaN when there are none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** The median of each figure of several runs of one cell. */
export function medianOf(runs: CellResult[]): CellResult {
  const medianOfRuns = (pick: (run: CellResult) => number) => median(runs.map(pick));
  const services = [...new Set(runs.flatMap((run) => Object.keys(run.upstreamCallsPerOperationByService)))];
  return {
    requests: medianOfRuns((run) => run.requests),
    requestsPerSecond: medianOfRuns((run) => run.requestsPerSecond),
    p50Ms: medianOfRuns((run) => run.p50Ms),
    p99Ms: medianOfRuns((run) => run.p99Ms),
    cpuMsPerOperation: medianOfRuns((run) => run.cpuMsPerOperation),
    upstreamCallsPerOperation: medianOfRuns((run) => run.upstreamCallsPerOperation),
    upstreamCallsPerOperationByService: Object.fromEntries(services.map((service) => [service, medianOfRuns((run) => run.upstreamCallsPerOperationByService[service] ?? 0)])),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
    rssMb: medianOfRuns((run) => run.rssMb),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  };
}
