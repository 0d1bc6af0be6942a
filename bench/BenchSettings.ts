/** What one run measures and for how long, from the environment (docs/benchmarks.md, "Running it"). */
export interface BenchSettings {
  /** BENCH_QUICK=1: a smoke run of about a minute; writes its report to a temporary file, not docs/. */
  quick: boolean;
  /** BENCH_VALIDATE_ONLY=1: start everything, validate every scenario on both servers, stop. */
  validateOnly: boolean;
  /** BENCH_ONLY=tracing: only the tracing cell (tracing off, before tracing, on). */
  tracingOnly: boolean;
  /** BENCH_ONLY=cost: only the per-request cost cells ((a), (b), (e) at 0 ms, as documents and as trusted documents); report to a temporary file. */
  costOnly: boolean;
  warmupSeconds: number;
  durationSeconds: number;
  /** Runs of a headline cell (those the targets read); the median is reported. */
  headlineRuns: number;
  soakWarmupSeconds: number;
  soakSeconds: number;
  latenciesMs: number[];
  connections: number[];
  /** Sizes of the growth table besides 100 (which the main table measures). */
  growthCounts: number[];
  /** Cells not started by then are skipped (and listed), so a slow machine still ends in time. */
  budgetSeconds: number;
}

const seconds = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export function readBenchSettings(): BenchSettings {
  const quick = process.env['BENCH_QUICK'] === '1';
  return {
    quick,
    validateOnly: process.env['BENCH_VALIDATE_ONLY'] === '1',
    tracingOnly: process.env['BENCH_ONLY'] === 'tracing',
    costOnly: process.env['BENCH_ONLY'] === 'cost',
    warmupSeconds: seconds('BENCH_WARMUP_S', quick ? 0.5 : 1),
    durationSeconds: seconds('BENCH_DURATION_S', quick ? 1 : 5),
    headlineRuns: quick ? 1 : 3,
    soakWarmupSeconds: quick ? 1 : 5,
    // The memory target is stated for a 60 s run.
    soakSeconds: quick ? 5 : 60,
    latenciesMs: [0, 20],
    connections: [1, 50],
    growthCounts: [10, 1000],
    budgetSeconds: seconds('BENCH_BUDGET_S', quick ? 150 : 450),
  };
}
