import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';
import { SIMULATOR_PROJECT_ID } from '../src/simulator/simulatorCredentials.js';
import type { ChildProcessGroup } from './ChildProcessGroup.js';
import { freePort, startGateway } from './startBenchProcesses.js';

/** Callback-to-subscriber latency across replicas (docs/benchmarks.md, "Callbacks across replicas"). */
export interface CallbackLatencyResult {
  replicas: number;
  callbacks: number;
  /** From the POST to the event on a subscriber of the replica that received the callback. */
  sameReplica: { p50Ms: number; p99Ms: number };
  /** From the POST to the event on a subscriber of another replica (through Redis). */
  otherReplicas: { p50Ms: number; p99Ms: number };
  failures: number;
}

const SECRET = 'bench-callback-secret-0123456789abcdef';
const REPLICAS = 3;
const PHONE_NUMBER = '+46701740605';
const QUERY = 'subscription { provisioningEvents(filter: { sources: [CALLBACK] }) { eventId } }';

/**
 * Three gateway processes (dist/) with one `redis-server` and the benchmark's simulator, one
 * graphql-ws subscriber on each: signed callbacks are posted one at a time, round robin over
 * the replicas, and each is timed from its POST until every subscriber has it. The time
 * includes the receiving replica's re-read of the number from the simulator (0 ms latency).
 * Undefined (with a reason logged) when `redis-server` is not installed.
 */
export async function measureCallbackLatency(options: { group: ChildProcessGroup; root: string; simulatorUrl: string; callbacks: number; log: (line: string) => void }): Promise<CallbackLatencyResult | undefined> {
  const binary = process.env['REDIS_SERVER_BIN'] ?? 'redis-server';
  if (spawnSync(binary, ['--version']).status !== 0) {
    options.log(`callback latency across replicas: not measured (${binary} is not installed)`);
    return undefined;
  }
  const port = await freePort();
  const redis = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
  const killRedis = () => redis.kill('SIGKILL');
  process.once('exit', killRedis);
  const clients: Client[] = [];
  try {
    await untilListening(port, redis);
    const gateways = await Promise.all(
      Array.from({ length: REPLICAS }, (_, index) =>
        startGateway(options.group, options.root, options.simulatorUrl, [], {
          name: `replica ${index + 1}`,
          env: { REDIS_URL: `redis://127.0.0.1:${port}`, SINCH_CALLBACK_SECRET: SECRET, PROVISIONING_POLLING: 'off' },
        }),
      ),
    );
    const arrivals = new Map<string, number[]>();
    let failures = 0;
    for (const gateway of gateways) {
      const client = createClient({ url: `${gateway.origin.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
      clients.push(client);
      const index = clients.length - 1;
      client.subscribe<{ provisioningEvents: { eventId: string } }>(
        { query: QUERY },
        {
          next: (result) => {
            const eventId = result.data?.provisioningEvents.eventId;
            if (eventId === undefined) return;
            const times = arrivals.get(eventId) ?? [];
            times[index] = performance.now();
            arrivals.set(eventId, times);
          },
          error: () => (failures += 1),
          complete: () => undefined,
        },
      );
    }
    await sleep(1_000);

    const same: number[] = [];
    const other: number[] = [];
    // A first round unmeasured: connections, the secret cache and graphql-jit warm up.
    const warmup = Math.min(20, Math.ceil(options.callbacks / 5));
    for (let sequence = 0; sequence < warmup + options.callbacks; sequence += 1) {
      const receiver = sequence % REPLICAS;
      const eventId = randomUUID();
      const body = JSON.stringify({
        eventId,
        timestamp: new Date().toISOString().replace('Z', '000'),
        projectId: SIMULATOR_PROJECT_ID,
        resourceId: PHONE_NUMBER,
        resourceType: 'ACTIVE_NUMBER',
        eventType: 'PROVISIONING_TO_SMS_PLATFORM',
        status: 'SUCCEEDED',
        failureCode: null,
      });
      const sentAt = performance.now();
      const response = await request(`${gateways[receiver]!.origin}/webhooks/numbers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sinch-signature': createHmac('sha1', SECRET).update(body).digest('hex') },
        body,
      });
      await response.body.dump();
      if (response.statusCode !== 200) {
        failures += 1;
        continue;
      }
      const deadline = sentAt + 5_000;
      while ((arrivals.get(eventId)?.filter((time) => time !== undefined).length ?? 0) < REPLICAS && performance.now() < deadline) await sleep(0.2);
      const times = arrivals.get(eventId) ?? [];
      arrivals.delete(eventId);
      if (times.filter((time) => time !== undefined).length < REPLICAS) {
        failures += 1;
        continue;
      }
      if (sequence < warmup) continue;
      times.forEach((time, index) => (index === receiver ? same : other).push(time - sentAt));
    }
    return { replicas: REPLICAS, callbacks: options.callbacks, sameReplica: percentiles(same), otherReplicas: percentiles(other), failures };
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    killRedis();
    process.off('exit', killRedis);
  }
}

function percentiles(values: number[]): { p50Ms: number; p99Ms: number } {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? NaN;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}


async function untilListening(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
    try {
      await new Promise<void>((resolve, reject) => {
        const socket = createConnection(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.end();
          resolve();
        });
        socket.once('error', reject);
      });
      return;
    } catch {
      await sleep(25);
    }
  }
  throw new Error(`redis-server did not listen on ${port}`);
}
