import { startSimulator } from '../src/simulator/startSimulator.js';

/**
 * The simulator's process for the benchmark. `npm run simulator` cannot seed extra numbers,
 * so the harness starts this instead. Provisioning jobs finish at once (0 ms per step): the
 * mutation scenario needs a resubmitted number to be FAILED again before it is reused, and a
 * stable data set means the seeded WAITING/IN_PROGRESS jobs have finished before any cell runs.
 * Prints `READY <url>` on stdout once listening.
 */
const port = Number(process.env['BENCH_SIMULATOR_PORT'] ?? 0);
const extraNumbers = Number(process.env['BENCH_EXTRA_NUMBERS'] ?? 0);

const simulator = await startSimulator({ host: '127.0.0.1', port, extraNumbers, provisioning: { waitingMs: 0, inProgressMs: 0 } });
process.stdout.write(`READY ${simulator.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    simulator.close().finally(() => process.exit(0));
  });
}
