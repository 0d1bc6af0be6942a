import type { BenchSettings } from './BenchSettings.js';
import { median, medianOf, TARGET_NAMES } from './BenchReport.js';
import type { Cell, SoakResult, TargetKind, ValidationRow } from './BenchReport.js';
import { measureCell } from './measureCell.js';
import type { CellResult, LoadTarget } from './measureCell.js';
import { memoryMb } from './processStats.js';
import { trunksScenario } from './scenarios.js';
import { TRUSTED_SCENARIO_KEYS } from './trustedDocuments.js';
import type { Scenario, ScenarioSetup } from './scenarios.js';
import type { SimulatorAdmin } from './SimulatorAdmin.js';
import { validateScenario } from './validateScenario.js';

export interface BenchContext {
  settings: BenchSettings;
  admin: SimulatorAdmin;
  targets: Record<TargetKind, LoadTarget>;
  scenarios: Scenario[];
  setup: ScenarioSetup;
  /** Progress lines (the harness prints them). */
  log: (line: string) => void;
}

export interface BenchFigures {
  validation: ValidationRow[];
  cells: Cell[];
  growth: Cell[];
  soak: SoakResult | undefined;
  skipped: string[];
}

/**
 * Validates every scenario on both servers, then measures: the main table (every scenario at
 * each latency and connection count, gateway and baseline runs interleaved so drift on a busy
 * machine hits both alike), the growth table, and the 60 s soak. Headline cells (those a target
 * reads) run `headlineRuns` times; every loop is bounded by its list and by the time budget.
 * Order: all cells at 0 ms, then all at 20 ms (one latency change each), the soak last.
 */
export async function runBenchmark(context: BenchContext): Promise<BenchFigures> {
  const { settings, admin, scenarios, setup, log } = context;
  const started = performance.now();
  const overBudget = () => (performance.now() - started) / 1000 > settings.budgetSeconds;
  const growthScenarios = settings.growthCounts.map((count) => ({ count, scenario: trunksScenario(count, setup) }));
  const figures: BenchFigures = { validation: [], cells: [], growth: [], soak: undefined, skipped: [] };

  await admin.setLatency(0);
  for (const { scenario, count } of [...scenarios.map((scenario) => ({ scenario, count: undefined })), ...growthScenarios]) {
    const gatewayCalls = await validateScenario(context.targets.gateway, scenario, admin);
    const baselineCalls = await validateScenario(context.targets.baseline, scenario, admin);
    if (count === undefined && TRUSTED_SCENARIO_KEYS.includes(scenario.key)) {
      const trustedCalls = await validateScenario(context.targets.gatewayTrusted, scenario, admin);
      if (trustedCalls !== gatewayCalls) throw new Error(`scenario (${scenario.key}) makes ${trustedCalls} upstream calls as a trusted document, ${gatewayCalls} as a document`);
    }
    figures.validation.push({ scenario, count, gatewayCalls, baselineCalls });
    log(`validated (${scenario.key}) ${scenario.title}: ${gatewayCalls} upstream calls (baseline ${baselineCalls}, expected ${scenario.expectedCalls})`);
  }
  if (settings.validateOnly) return figures;

  const measure = async (scenario: Scenario, latencyMs: number, connections: number, count: number | undefined, into: Cell[]) => {
    const label = `(${scenario.key}${count === undefined ? '' : ` ${count}`}) ${latencyMs} ms, ${connections} conn.`;
    const costCell = count === undefined && latencyMs === 0 && ((['a', 'e'].includes(scenario.key) && connections === 1) || (scenario.key === 'b' && connections === 50));
    if (settings.costOnly && !costCell) return;
    if (overBudget()) {
      figures.skipped.push(label);
      return;
    }
    // Headline cells are those a target reads; the baseline repeats only where a target compares with it.
    const comparedWithBaseline = costCell;
    const headline = comparedWithBaseline || (count === undefined && latencyMs > 0 && connections === 1);
    // The throughput target's cell also runs on a gateway that shares no reads: the figure of the
    // execution alone, every operation making its own upstream call like the baseline's.
    const throughputCell = count === undefined && latencyMs === 0 && scenario.key === 'b' && connections === 50;
    const runCounts: Record<TargetKind, number> = {
      gateway: headline ? settings.headlineRuns : 1,
      gatewayUnshared: throughputCell ? settings.headlineRuns : 0,
      // The per-request cost targets' cells, sent as trusted documents (bench/trustedDocuments.ts).
      gatewayTrusted: costCell && TRUSTED_SCENARIO_KEYS.includes(scenario.key) ? settings.headlineRuns : 0,
      baseline: comparedWithBaseline ? settings.headlineRuns : 1,
    };
    const runs: Record<TargetKind, CellResult[]> = { gateway: [], gatewayUnshared: [], gatewayTrusted: [], baseline: [] };
    const kinds = (['gateway', 'gatewayUnshared', 'gatewayTrusted', 'baseline'] as const).filter((kind) => runCounts[kind] > 0);
    for (let run = 0; run < settings.headlineRuns; run++) {
      for (const kind of kinds) {
        if (run >= runCounts[kind]) continue;
        // Warmed once per cell: later runs follow the same load on the same process.
        const options = { target: context.targets[kind], scenario, connections, latencyMs, admin, warmupSeconds: run === 0 ? settings.warmupSeconds : 0, durationSeconds: settings.durationSeconds };
        runs[kind].push(await measureCell(options));
      }
    }
    for (const kind of kinds) {
      const median = medianOf(runs[kind]);
      into.push({ scenario, count, latencyMs, connections, target: kind, runs: runs[kind], median });
      log(`${label} ${TARGET_NAMES[kind].padEnd(10)} ${median.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${median.p50Ms.toFixed(2)} ms  p99 ${median.p99Ms.toFixed(2)} ms  ${median.upstreamCallsPerOperation.toFixed(2)} calls/op${median.failures > 0 ? `  ${median.failures} FAILED` : ''}`);
    }
  };

  // Under simulated latency only 1 connection is measured, and only the main scenarios: that is
  // what the latency targets read; throughput and growth are CPU questions, answered at 0 ms
  // (the run stays under 10 minutes with the trusted-document cells).
  for (const latencyMs of settings.latenciesMs) {
    await admin.setLatency(latencyMs);
    for (const scenario of scenarios) {
      for (const connections of settings.connections) {
        if (latencyMs === 0 || connections === 1) await measure(scenario, latencyMs, connections, undefined, figures.cells);
      }
    }
    if (latencyMs === 0) {
      for (const { scenario, count } of growthScenarios) await measure(scenario, latencyMs, 1, count, figures.growth);
    }
  }

  await admin.setLatency(0);
  // The soak is a target of its own: it runs even when the budget cut main-table cells.
  if (!settings.costOnly) figures.soak = await soak(context);
  return figures;
}

const SOAK_WINDOW_SECONDS = 10;

/** Scenario (c) at 0 ms and the largest connection count for `soakSeconds`: does the gateway's RSS grow? */
async function soak(context: BenchContext): Promise<SoakResult | undefined> {
  const { settings, admin, log } = context;
  const scenario = context.scenarios.find((candidate) => candidate.key === 'c');
  if (scenario === undefined) return undefined;
  const connections = Math.max(...settings.connections);
  const gateway = context.targets.gateway;
  const cell = { target: gateway, scenario, connections, latencyMs: 0, admin, warmupSeconds: 0 };
  const warmup = await measureCell({ ...cell, durationSeconds: settings.soakWarmupSeconds });
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(memoryMb(gateway.pid).rss), 1000);
  let measured: CellResult;
  try {
    measured = await measureCell({ ...cell, durationSeconds: settings.soakSeconds });
  } finally {
    clearInterval(sampler);
  }
  // One reading lands anywhere in a GC cycle (the samples swing by a third): each end of the
  // run is the median of a window of one-second samples.
  const window = Math.max(1, Math.min(SOAK_WINDOW_SECONDS, Math.floor(samples.length / 3)));
  const result: SoakResult = {
    scenario,
    connections,
    seconds: settings.soakSeconds,
    rssAfterWarmupMb: median(samples.slice(0, window)),
    rssAtEndMb: median(samples.slice(-window)),
    windowSeconds: window,
    rssAfterWarmupPointMb: warmup.rssMb,
    rssAtEndPointMb: measured.rssMb,
    rssMinMb: Math.min(...samples, measured.rssMb),
    rssMaxMb: Math.max(...samples, measured.rssMb),
    peakRssMb: measured.peakRssMb,
    requests: measured.requests,
    failures: warmup.failures + measured.failures,
  };
  log(`soak: RSS ${result.rssAfterWarmupMb.toFixed(1)} MiB after warm-up, ${result.rssAtEndMb.toFixed(1)} MiB after ${settings.soakSeconds} s (medians of ${window} s; ${result.requests} requests)`);
  return result;
}
