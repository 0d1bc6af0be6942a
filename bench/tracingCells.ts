import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchSettings } from './BenchSettings.js';
import { medianOf } from './BenchReport.js';
import type { TargetVerdict } from './BenchReport.js';
import { measureCell } from './measureCell.js';
import type { CellResult, LoadTarget } from './measureCell.js';
import type { Scenario } from './scenarios.js';
import type { SimulatorAdmin } from './SimulatorAdmin.js';

/** The three gateways of the tracing cell. */
export type TracingVariant = 'off' | 'preTracing' | 'on';

export const TRACING_VARIANT_NAMES: Record<TracingVariant, string> = {
  off: 'tracing off (as deployed without OTEL_*)',
  preTracing: 'before tracing existed',
  on: 'tracing on (every request sampled, exported)',
};

export interface TracingCell {
  scenario: Scenario;
  variant: TracingVariant;
  runs: CellResult[];
  median: CellResult;
}

export interface TracingFigures {
  /** The commit the pre-tracing gateway was built from. */
  preTracingCommit: string;
  latencyMs: number;
  connections: number;
  cells: TracingCell[];
  /** Spans the sink received from the traced gateway (proof that it exported). */
  exportedRequests: number;
}

/**
 * Scenarios of the tracing cell: the lightest operation, where a fixed cost of tracing shows
 * most. (The run of 2026-12-02 at 77c4754 also measured (c), the operation with most spans: 4.9 % within
 * the code before tracing; it was dropped to keep `npm run bench` under 10 minutes.)
 */
export const TRACING_SCENARIOS = ['a'];

/**
 * An OTLP/HTTP sink in the harness process for the traced gateway: it answers every export with
 * success and counts them. What a Collector does with spans is not the gateway's cost.
 */
export async function startSpanSink(): Promise<{ endpoint: string; exports(): number; close(): Promise<void> }> {
  let exports = 0;
  const server = createServer((incoming, response) => {
    incoming.resume();
    incoming.on('end', () => {
      exports += 1;
      response.writeHead(200, { 'content-type': 'application/x-protobuf' });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, exports: () => exports, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The tracing cell: scenarios (a) and (c) at 0 ms and 1 connection (where the gateway's own CPU is
 * all there is to see) on three gateway processes, runs interleaved: tracing off, the code before
 * tracing existed, tracing on, each a fresh process started with the others and warmed alike.
 * Off must cost nothing measurable against the pre-tracing code.
 */
export async function measureTracingCells(options: {
  settings: BenchSettings;
  admin: SimulatorAdmin;
  scenarios: Scenario[];
  targets: Record<TracingVariant, LoadTarget>;
  log: (line: string) => void;
}): Promise<TracingCell[]> {
  const { settings, admin, log } = options;
  await admin.setLatency(0);
  const cells: TracingCell[] = [];
  for (const scenario of options.scenarios.filter((candidate) => TRACING_SCENARIOS.includes(candidate.key))) {
    const runs: Record<TracingVariant, CellResult[]> = { off: [], preTracing: [], on: [] };
    // Fresh processes: a longer warm-up first, so that each runs optimised code when measured.
    for (const variant of ['off', 'preTracing', 'on'] as const) {
      await measureCell({ target: options.targets[variant], scenario, connections: 1, latencyMs: 0, admin, warmupSeconds: 0, durationSeconds: Math.max(2, settings.warmupSeconds * 4) });
    }
    for (let run = 0; run < settings.headlineRuns; run++) {
      for (const variant of ['off', 'preTracing', 'on'] as const) {
        runs[variant].push(await measureCell({ target: options.targets[variant], scenario, connections: 1, latencyMs: 0, admin, warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds }));
      }
    }
    for (const variant of ['off', 'preTracing', 'on'] as const) {
      const median = medianOf(runs[variant]);
      cells.push({ scenario, variant, runs: runs[variant], median });
      log(`tracing (${scenario.key}) 0 ms, 1 conn. ${variant.padEnd(10)} ${median.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${median.p50Ms.toFixed(3)} ms  CPU ${median.cpuMsPerOperation.toFixed(3)} ms/op${median.failures > 0 ? `  ${median.failures} FAILED` : ''}`);
    }
  }
  return cells;
}

/** Tracing off costs nothing measurable: CPU per operation within 5% of the pre-tracing code, per scenario. */
export function tracingVerdicts(figures: TracingFigures | undefined): TargetVerdict[] {
  if (figures === undefined) return [{ target: 'tracing off: CPU ms/op within 5% of the code before tracing', measured: 'not measured', met: undefined }];
  return [...new Set(figures.cells.map((cell) => cell.scenario.key))].map((key) => {
    const find = (variant: TracingVariant) => figures.cells.find((cell) => cell.scenario.key === key && cell.variant === variant)?.median;
    const off = find('off');
    const before = find('preTracing');
    const on = find('on');
    const ratio = off && before ? off.cpuMsPerOperation / before.cpuMsPerOperation : NaN;
    return {
      target: `(${key}) at 0 ms, 1 connection: tracing off within 5% of the code before tracing (CPU ms/op)`,
      measured:
        off && before
          ? `${off.cpuMsPerOperation.toFixed(3)} vs ${before.cpuMsPerOperation.toFixed(3)} ms/op (${(100 * (ratio - 1)).toFixed(1)}%), p50 ${off.p50Ms.toFixed(3)} vs ${before.p50Ms.toFixed(3)} ms; tracing on ${on ? `${on.cpuMsPerOperation.toFixed(3)} ms/op` : 'not measured'}`
          : 'not measured',
      met: off && before ? ratio <= 1.05 : undefined,
    };
  });
}

export function tracingTable(figures: TracingFigures): string {
  const header = ['scenario', 'gateway', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/op', 'vs before tracing (CPU)', 'peak RSS MiB', 'failures'];
  const rows = figures.cells.map((cell) => {
    const before = figures.cells.find((other) => other.scenario.key === cell.scenario.key && other.variant === 'preTracing')?.median;
    const runs = cell.runs.length > 1 ? ` (median of ${cell.runs.length})` : '';
    return [
      `(${cell.scenario.key})`,
      TRACING_VARIANT_NAMES[cell.variant] + runs,
      cell.median.requestsPerSecond.toFixed(0),
      cell.median.p50Ms.toFixed(3),
      cell.median.p99Ms.toFixed(3),
      cell.median.cpuMsPerOperation.toFixed(3),
      before && cell.variant !== 'preTracing' ? `${(100 * (cell.median.cpuMsPerOperation / before.cpuMsPerOperation - 1)).toFixed(1)}%` : '',
      cell.median.peakRssMb.toFixed(0),
      String(cell.median.failures),
    ];
  });
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}
