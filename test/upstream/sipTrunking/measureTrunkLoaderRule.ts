/**
 * Measures the rule of `createTrunkLoader`: for a batch of d distinct trunk ids, is it cheaper
 * to GET each trunk (d parallel calls) or to list all trunks (ceil(T / 500) calls)? Runs
 * against the simulator at 0 ms and 20 ms latency, with T trunks in the project.
 *
 *   npx tsx test/upstream/sipTrunking/measureTrunkLoaderRule.ts
 *
 * The figures in docs/sip-trunking.md ("Loader rules") come from this script.
 */
import { loadConfig } from '../../../src/config.js';
import { useSimulator } from '../../../src/server/useSimulator.js';
import { startSimulator } from '../../../src/simulator/startSimulator.js';
import { SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { createUpstreamClients } from '../../../src/upstream/UpstreamClients.js';
import { createTrunkLoader } from '../../../src/upstream/sipTrunking/loaders/createTrunkLoader.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';

const BATCH_SIZES = [1, 2, 3, 5, 10, 20, 50];
const RUNS = 7;

async function measure(latencyMs: number, trunkCount: number): Promise<void> {
  const simulator = await startSimulator({ provisioning: 'manual' });
  const admin = new SimulatorAdmin(simulator.url);
  const config = useSimulator(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), simulator.url);
  let calls = 0;
  const clients = createUpstreamClients({ sinch: config.sinch, upstream: config.upstream, onCall: (event) => (calls += event.service === 'SIP_TRUNKING' ? 1 : 0) });
  const scope = { projectId: SIMULATOR_PROJECT_ID, signal: new AbortController().signal };
  const ids: string[] = [];
  for (const trunk of await clients.sipTrunking.trunks.listAll(scope)) ids.push(trunk.id);
  for (let index = ids.length; index < trunkCount; index++) {
    ids.push((await clients.sipTrunking.trunks.create(scope, { name: `Bench ${index}`, hostName: `bench-${index}` })).id);
  }
  await admin.configure({ latencyMs });

  const rows: string[] = [];
  for (const size of BATCH_SIZES.filter((batch) => batch <= trunkCount)) {
    const result: Record<string, { ms: number; calls: number }> = {};
    for (const [label, threshold] of [['get', Number.POSITIVE_INFINITY], ['list', 1]] as const) {
      const times: number[] = [];
      calls = 0;
      for (let run = 0; run < RUNS; run++) {
        const loader = createTrunkLoader(clients.sipTrunking, scope, threshold);
        const started = performance.now();
        await loader.loadMany(ids.slice(0, size));
        times.push(performance.now() - started);
      }
      times.sort((left, right) => left - right);
      result[label] = { ms: times[Math.floor(RUNS / 2)] ?? 0, calls: calls / RUNS };
    }
    rows.push(`| ${latencyMs} | ${trunkCount} | ${size} | ${result['get']?.calls} / ${result['get']?.ms.toFixed(1)} ms | ${result['list']?.calls} / ${result['list']?.ms.toFixed(1)} ms |`);
  }
  console.log(rows.join('\n'));
  await clients.close();
  await simulator.close();
}

console.log('| latency | trunks in project | distinct ids | GET each: calls / median | list: calls / median |');
console.log('| --- | --- | --- | --- | --- |');
for (const latency of [0, 20]) {
  for (const trunks of [5, 100, 600]) {
    await measure(latency, trunks);
  }
}
