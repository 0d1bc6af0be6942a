import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildProcessGroup } from './ChildProcessGroup.js';
import { measureCell } from './measureCell.js';
import type { LoadTarget } from './measureCell.js';
import { prepareScenarios } from './prepareScenarios.js';
import { createScenarios, trunksScenario } from './scenarios.js';
import { SimulatorAdmin } from './SimulatorAdmin.js';
import { startGateway, startSimulator } from './startBenchProcesses.js';
import { summarizeCpuProfile } from './summarizeCpuProfile.js';
import { trustedBodyOf, writeBenchManifest } from './trustedDocuments.js';

/**
 * `node --import tsx bench/profile.ts <scenario> <latencyMs> <connections> [seconds]`, after
 * `npm run build`: runs one cell against a gateway started with `--cpu-prof` and prints the
 * functions that took the most CPU, by self and by total time. `<scenario>` is a, b, c, d, e, or
 * c10 / c1000 for the growth sizes; BENCH_TRUSTED=1 sends it as a trusted document. The profile stays in a temporary directory (path printed),
 * for Chrome DevTools or speedscope.
 */
const [key = 'c', latencyArgument = '0', connectionsArgument = '50', secondsArgument = '10'] = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
const group = new ChildProcessGroup();
const directory = mkdtempSync(join(tmpdir(), 'gateway-cpu-profile-'));
const TOP_FRAMES = 25;

process.once('SIGINT', () => void group.stopAll().finally(() => process.exit(130)));

async function main(): Promise<void> {
  const simulator = await startSimulator(group, root);
  // BENCH_SHARE_READS=false profiles a gateway that sends every read (UPSTREAM_SHARE_READS=false).
  const shareReads = process.env['BENCH_SHARE_READS'];
  // BENCH_TRUSTED=1 profiles the scenario sent as a trusted document (its id, from the gateway's manifest).
  const trusted = process.env['BENCH_TRUSTED'] === '1';
  const connections = Number(connectionsArgument);
  const preparer = await startGateway(group, root, simulator.url, [], { name: 'gateway (set-up)' });
  const setup = await prepareScenarios(`${preparer.origin}/graphql`, Math.max(connections, 1));
  await preparer.stop(15_000);
  const growth = /^c(\d+)$/.exec(key);
  const scenario = growth ? trunksScenario(Number(growth[1]), setup) : createScenarios(setup, connections).find((candidate) => candidate.key === key);
  if (scenario === undefined) throw new Error(`unknown scenario ${key}: use a, b, c, d, e, c10 or c1000`);
  const env: Record<string, string> = {
    ...(shareReads === undefined ? {} : { UPSTREAM_SHARE_READS: shareReads }),
    ...(trusted ? { GRAPHQL_TRUSTED_DOCUMENTS: writeBenchManifest([scenario]), GRAPHQL_TRUSTED_DOCUMENTS_ONLY: 'true' } : {}),
  };
  const gateway = await startGateway(group, root, simulator.url, ['--cpu-prof', `--cpu-prof-dir=${directory}`], { env });
  const admin = new SimulatorAdmin(simulator.url);
  const bodyOf = (chosen: typeof scenario, iteration: number) => (trusted ? trustedBodyOf(chosen.gatewayBody(iteration)) : chosen.gatewayBody(iteration));
  const target: LoadTarget = { kind: 'gateway', origin: gateway.origin, pid: gateway.pid, pathFor: () => '/graphql', bodyFor: bodyOf };
  await admin.setLatency(Number(latencyArgument));
  const result = await measureCell({ target, scenario, connections, latencyMs: Number(latencyArgument), admin, warmupSeconds: 2, durationSeconds: Number(secondsArgument) });
  // SIGTERM: the gateway drains and exits normally, which is when --cpu-prof writes the profile.
  await gateway.stop(15_000);
  await group.stopAll();

  const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`the gateway wrote no profile to ${directory}`);
  const { busyMs, frames } = summarizeCpuProfile(JSON.parse(readFileSync(join(directory, file), 'utf8')), root);
  const rows = (sorted: typeof frames, pick: (frame: (typeof frames)[number]) => number) =>
    sorted
      .slice(0, TOP_FRAMES)
      .map((frame) => `| ${pick(frame).toFixed(0)} | ${((100 * pick(frame)) / busyMs).toFixed(1)}% | \`${frame.frame}\` |`)
      .join('\n');
  process.stdout.write(
    [
      `Scenario (${key}) ${scenario.title}, ${latencyArgument} ms, ${connections} connections: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, ${result.cpuMsPerOperation.toFixed(3)} CPU ms/op.`,
      `Profile: ${join(directory, file)} (${busyMs.toFixed(0)} ms busy, warm-up included)`,
      '',
      '### Self time',
      '| ms | share | function |\n| --- | --- | --- |',
      rows([...frames].sort((left, right) => right.selfMs - left.selfMs), (frame) => frame.selfMs),
      '',
      '### Total time',
      '| ms | share | function |\n| --- | --- | --- |',
      rows([...frames].sort((left, right) => right.totalMs - left.totalMs), (frame) => frame.totalMs),
      '',
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`profiling failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    void group.stopAll().finally(() => process.exit(1));
  },
);
