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
import { callbackLatencyText, renderMarkdown } from './renderMarkdown.js';
import { growthTable, mainTable, targetsTable } from './renderTables.js';
import { runBenchmark } from './runBenchmark.js';
import { createScenarios } from './scenarios.js';
import { SimulatorAdmin } from './SimulatorAdmin.js';
import { startBaseline, startGateway, startSimulator } from './startBenchProcesses.js';

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
  const simulator = await startSimulator(group, root);
  if (process.env['BENCH_ONLY'] === 'callbacks') {
    // The callback cell alone (no scenario cells, no report file): for a busy machine.
    const result = await measureCallbackLatency({ group, root, simulatorUrl: simulator.url, callbacks: settings.quick ? 60 : 300, log });
    await group.stopAll();
    log(`\n${callbackLatencyText(result)}\n`);
    return (result?.failures ?? 0) > 0 ? 1 : 0;
  }
  const [gateway, unshared, baseline] = await Promise.all([
    startGateway(group, root, simulator.url),
    startGateway(group, root, simulator.url, [], { name: 'gateway (reads not shared)', env: { UPSTREAM_SHARE_READS: 'false' } }),
    startBaseline(group, root, simulator.url),
  ]);
  log(`simulator ${simulator.url} (pid ${simulator.pid}), gateway ${gateway.origin} (pid ${gateway.pid}), gateway with reads not shared ${unshared.origin} (pid ${unshared.pid}), baseline ${baseline.origin} (pid ${baseline.pid})`);
  const admin = new SimulatorAdmin(simulator.url);
  const maxConnections = Math.max(...settings.connections);
  const setup = await prepareScenarios(`${gateway.origin}/graphql`, maxConnections);
  const scenarios = createScenarios(setup, maxConnections);
  const targets: Record<TargetKind, LoadTarget> = {
    gateway: { kind: 'gateway', origin: gateway.origin, pid: gateway.pid, pathFor: () => '/graphql', bodyFor: (scenario, iteration) => scenario.gatewayBody(iteration) },
    gatewayUnshared: { kind: 'gateway', origin: unshared.origin, pid: unshared.pid, pathFor: () => '/graphql', bodyFor: (scenario, iteration) => scenario.gatewayBody(iteration) },
    baseline: { kind: 'baseline', origin: baseline.origin, pid: baseline.pid, pathFor: (scenario) => `/${scenario.name}`, bodyFor: (scenario, iteration) => scenario.baselineBody(iteration) },
  };

  const figures = await runBenchmark({ settings, admin, targets, scenarios, setup, log });
  const callbackLatency = settings.validateOnly ? undefined : await measureCallbackLatency({ group, root, simulatorUrl: simulator.url, callbacks: settings.quick ? 60 : 300, log });
  await group.stopAll();
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
    callbackLatency,
    targets: evaluateTargets(figures, settings.latenciesMs),
    settings,
  };
  log(`\n${mainTable(report)}\n\n${growthTable(report)}\n\n${targetsTable(report.targets)}\n\n${callbackLatencyText(report.callbackLatency)}\n`);
  const file = settings.quick ? join(tmpdir(), 'sinch-gateway-benchmarks-quick.md') : join(root, 'docs', 'benchmarks.md');
  writeFileSync(file, renderMarkdown(report, root));
  log(`report written to ${file}; ${(report.elapsedSeconds / 60).toFixed(1)} min`);
  const failures = [...report.cells, ...report.growth].reduce((sum, cell) => sum + cell.median.failures, 0) + (report.soak?.failures ?? 0) + (report.callbackLatency?.failures ?? 0);
  if (failures > 0) {
    log(`${failures} requests failed during measurement (see the failures column): the figures of those cells are not valid`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    void group.stopAll().finally(() => process.exit(1));
  },
);
