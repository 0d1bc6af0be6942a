import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBenchSettings } from './BenchSettings.js';
import type { BenchReport, TargetKind } from './BenchReport.js';
import { measureCallbackLatency } from './callbackLatency.js';
import { ChildProcessGroup } from './ChildProcessGroup.js';
import { evaluateTargets } from './evaluateTargets.js';
import { machineInfo } from './machineInfo.js';
import type { LoadTarget } from './measureCell.js';
import { prepareScenarios } from './prepareScenarios.js';
import { callbackLatencyText, renderMarkdown, sharedLimiterText } from './renderMarkdown.js';
import { growthTable, mainTable, targetsTable } from './renderTables.js';
import { runBenchmark } from './runBenchmark.js';
import { createScenarios } from './scenarios.js';
import { measureSharedLimiterCost } from './sharedLimiterCost.js';
import { SimulatorAdmin } from './SimulatorAdmin.js';
import { startBaseline, startGateway, startSimulator } from './startBenchProcesses.js';
import { buildPreTracing } from './buildPreTracing.js';
import { measureTracingCells, startSpanSink, tracingVerdicts } from './tracingCells.js';
import { TRUSTED_SCENARIO_KEYS, trustedBodyOf, writeBenchManifest } from './trustedDocuments.js';
import type { TracingFigures } from './tracingCells.js';

/**
 * `npm run bench`: builds (unless BENCH_SKIP_BUILD=1), starts the simulator, the gateway (dist/) and the
 * baseline as child processes, validates and measures every scenario, prints the tables and
 * writes docs/benchmarks.md. The children are stopped however this ends.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const settings = readBenchSettings();
const group = new ChildProcessGroup();
const log = (line: string) => process.stdout.write(`${line}\n`);
const startedAt = new Date();
const started = performance.now();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the benchmark's processes`);
    void group.stopAll().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const machine = machineInfo(root);
  let buildSeconds: number | undefined;
  if (process.env['BENCH_SKIP_BUILD'] !== '1') {
    const buildStarted = performance.now();
    log('npm run build (codegen, then dist/): the gateway runs from dist/');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status ?? build.signal})`);
    buildSeconds = (performance.now() - buildStarted) / 1000;
  }
  // The tracing cell's reference: the gateway built from the last commit before tracing existed.
  log('building the gateway as it was before tracing (the tracing cell\'s reference)');
  const preTracing = settings.validateOnly || settings.costOnly || process.env['BENCH_ONLY'] === 'callbacks' || process.env['BENCH_ONLY'] === 'limiter' ? undefined : tryBuildPreTracing();
  const sink = await startSpanSink();
  const simulator = await startSimulator(group, root);
  const limiterReports = settings.quick ? 200 : 1000;
  if (process.env['BENCH_ONLY'] === 'limiter') {
    // The shared-limiter cell alone (no scenario cells, no report file): for a busy machine.
    const result = await measureSharedLimiterCost({ group, root, simulatorUrl: simulator.url, reports: limiterReports, log });
    await group.stopAll();
    await sink.close();
    log(`\n${sharedLimiterText(result)}\n`);
    return (result?.failures ?? 0) > 0 ? 1 : 0;
  }
  if (process.env['BENCH_ONLY'] === 'callbacks') {
    // The callback cell alone (no scenario cells, no report file): for a busy machine.
    const result = await measureCallbackLatency({ group, root, simulatorUrl: simulator.url, callbacks: settings.quick ? 60 : 300, log });
    await group.stopAll();
    await sink.close();
    log(`\n${callbackLatencyText(result)}\n`);
    return (result?.failures ?? 0) > 0 ? 1 : 0;
  }
  const [gateway, unshared, baseline] = await Promise.all([
    startGateway(group, root, simulator.url),
    startGateway(group, root, simulator.url, [], { name: 'gateway (reads not shared)', env: { UPSTREAM_SHARE_READS: 'false' } }),
    startBaseline(group, root, simulator.url),
  ]);
  const admin = new SimulatorAdmin(simulator.url);
  const maxConnections = Math.max(...settings.connections);
  const setup = await prepareScenarios(`${gateway.origin}/graphql`, maxConnections);
  const scenarios = createScenarios(setup, maxConnections);
  // The frontend's manifest holds the scenarios' documents: the gateway runs nothing else, as in production.
  const trustedGateway = await startGateway(group, root, simulator.url, [], {
    name: 'gateway (trusted documents)',
    env: { UPSTREAM_SHARE_READS: 'false', GRAPHQL_TRUSTED_DOCUMENTS: writeBenchManifest(scenarios.filter((scenario) => TRUSTED_SCENARIO_KEYS.includes(scenario.key))), GRAPHQL_TRUSTED_DOCUMENTS_ONLY: 'true' },
  });
  log(
    `simulator ${simulator.url} (pid ${simulator.pid}), gateway ${gateway.origin} (pid ${gateway.pid}), gateway with reads not shared ${unshared.origin} (pid ${unshared.pid}), ` +
      `gateway with trusted documents ${trustedGateway.origin} (pid ${trustedGateway.pid}), baseline ${baseline.origin} (pid ${baseline.pid})`,
  );
  const targets: Record<TargetKind, LoadTarget> = {
    gateway: { kind: 'gateway', origin: gateway.origin, pid: gateway.pid, pathFor: () => '/graphql', bodyFor: (scenario, iteration) => scenario.gatewayBody(iteration) },
    gatewayUnshared: { kind: 'gateway', origin: unshared.origin, pid: unshared.pid, pathFor: () => '/graphql', bodyFor: (scenario, iteration) => scenario.gatewayBody(iteration) },
    gatewayTrusted: { kind: 'gateway', origin: trustedGateway.origin, pid: trustedGateway.pid, pathFor: () => '/graphql', bodyFor: (scenario, iteration) => trustedBodyOf(scenario.gatewayBody(iteration)) },
    baseline: { kind: 'baseline', origin: baseline.origin, pid: baseline.pid, pathFor: (scenario) => `/${scenario.name}`, bodyFor: (scenario, iteration) => scenario.baselineBody(iteration) },
  };

  const figures = settings.tracingOnly
    ? { validation: [], cells: [], growth: [], soak: undefined, skipped: ['every cell but the tracing cell (BENCH_ONLY=tracing)'] }
    : await runBenchmark({ settings, admin, targets, scenarios, setup, log });
  const sharedLimiter = settings.validateOnly || settings.tracingOnly || settings.costOnly ? undefined : await measureSharedLimiterCost({ group, root, simulatorUrl: simulator.url, reports: limiterReports, log });
  const callbackLatency = settings.validateOnly || settings.tracingOnly || settings.costOnly ? undefined : await measureCallbackLatency({ group, root, simulatorUrl: simulator.url, callbacks: settings.quick ? 60 : 300, log });
  let tracing: TracingFigures | undefined;
  if (preTracing !== undefined) {
    // Three fresh processes, started together and warmed alike: the main gateway has run every cell by now.
    const [off, before, traced] = await Promise.all([
      startGateway(group, root, simulator.url, [], { name: 'gateway, tracing off' }),
      startGateway(group, root, simulator.url, [], { name: 'gateway before tracing', entry: preTracing.entry }),
      startGateway(group, root, simulator.url, [], { name: 'gateway, tracing on', env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint, OTEL_TRACES_SAMPLER: 'always_on' } }),
    ]);
    const target = (child: { origin: string; pid: number }): LoadTarget => ({ ...targets.gateway, origin: child.origin, pid: child.pid });
    const cells = await measureTracingCells({ settings, admin, scenarios, targets: { off: target(off), preTracing: target(before), on: target(traced) }, log });
    tracing = { preTracingCommit: preTracing.commit, latencyMs: 0, connections: 1, cells, exportedRequests: sink.exports() };
    preTracing.remove();
  }
  await group.stopAll();
  await sink.close();
  if (settings.validateOnly) {
    log('every scenario validated on the gateway and the baseline');
    return 0;
  }
  machine.loadAverageEnd = loadavg()[0] ?? NaN;
  const report: BenchReport = {
    startedAt,
    elapsedSeconds: (performance.now() - started) / 1000,
    buildSeconds,
    quick: settings.quick,
    machine,
    scenarios,
    ...figures,
    sharedLimiter,
    callbackLatency,
    targets: [...evaluateTargets(figures, settings.latenciesMs), ...(settings.validateOnly ? [] : tracingVerdicts(tracing))],
    tracing,
    settings,
  };
  log(`\n${mainTable(report)}\n\n${growthTable(report)}\n\n${targetsTable(report.targets)}\n\n${sharedLimiterText(report.sharedLimiter)}\n\n${callbackLatencyText(report.callbackLatency)}\n`);
  const file = settings.quick || settings.costOnly ? join(tmpdir(), 'sinch-gateway-benchmarks-quick.md') : join(root, 'docs', 'benchmarks.md');
  writeFileSync(file, renderMarkdown(report, root));
  log(`report written to ${file}; ${(report.elapsedSeconds / 60).toFixed(1)} min`);
  const failures =
    [...report.cells, ...report.growth, ...(report.tracing?.cells ?? [])].reduce((sum, cell) => sum + cell.median.failures, 0) +
    (report.soak?.failures ?? 0) +
    (report.sharedLimiter?.failures ?? 0) +
    (report.callbackLatency?.failures ?? 0);
  if (failures > 0) {
    log(`${failures} requests failed during measurement (see the failures column): the figures of those cells are not valid`);
    return 1;
  }
  return 0;
}

/** A clone without that commit (a shallow one) cannot build it: the tracing cell is then not measured, the rest is. */
function tryBuildPreTracing(): ReturnType<typeof buildPreTracing> | undefined {
  try {
    return buildPreTracing(root);
  } catch (error) {
    log(`the pre-tracing gateway could not be built, so the tracing cell is skipped: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    void group.stopAll().finally(() => process.exit(1));
  },
);
