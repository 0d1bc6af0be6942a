import { Client } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { freePort, startMain } from '../support/startMainProcess.js';
import type { RunningMain } from '../support/startMainProcess.js';

const QUERY = JSON.stringify({ query: '{ numbers(first: 1) { totalCount } }' });

interface Outcome {
  status?: number;
  connection?: string;
  error?: string;
  afterSignal: boolean;
}

async function ask(client: Client, signalled: () => boolean): Promise<Outcome> {
  try {
    const response = await client.request({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: QUERY });
    await response.body.dump();
    return { status: response.statusCode, connection: String(response.headers['connection'] ?? ''), afterSignal: signalled() };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error), afterSignal: signalled() };
  }
}

describe('main.ts: SIGTERM drains keep-alive clients without resetting a request', () => {
  let running: RunningMain | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    if (running?.child.exitCode === null) running.child.kill('SIGKILL');
    await Promise.all(clients.splice(0).map((client) => client.destroy()));
  });

  it('answers every request it received, closes idle keep-alive sockets, and resets none, with 50 clients', async () => {
    const port = await freePort();
    running = await startMain(port, { SHUTDOWN_GRACE_MS: '5000' });
    const simulatorUrl = /"simulatorUrl":"([^"]+)"/.exec(running.output.join(''))?.[1] ?? '';
    // Requests stay in flight for a moment, as real ones do.
    await new SimulatorAdmin(simulatorUrl).configure({ latencyMs: 5 });

    let signalled = false;
    const isSignalled = () => signalled;
    const disconnected = new Set<Client>();
    for (let index = 0; index < 50; index += 1) {
      const client = new Client(`http://127.0.0.1:${port}`, { pipelining: 1, keepAliveTimeout: 60_000 });
      client.on('disconnect', () => disconnected.add(client));
      clients.push(client);
    }
    // Every client holds a keep-alive connection.
    const warmUp = await Promise.all(clients.map((client) => ask(client, isSignalled)));
    expect(warmUp.map((outcome) => outcome.status)).toEqual(clients.map(() => 200));

    // 40 clients keep asking; 10 stay idle on their connection.
    const busy = clients.slice(0, 40);
    const idle = clients.slice(40);
    const outcomes: Outcome[] = [];
    let refused = 0;
    const loops = busy.map(async (client) => {
      for (;;) {
        const outcome = await ask(client, isSignalled);
        if (outcome.error === 'ECONNREFUSED') {
          refused += 1;
          return;
        }
        outcomes.push(outcome);
        if (running?.child.exitCode !== null) return;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    signalled = true;
    running.child.kill('SIGTERM');
    const exit = await running.exited;
    await Promise.all(loops);

    expect(exit).toEqual({ code: 0, signal: null });
    // No request failed: every one the gateway received was answered (ECONNREFUSED, once it no longer listens, is not a failure).
    expect(outcomes.filter((outcome) => outcome.error !== undefined)).toEqual([]);
    expect(outcomes.every((outcome) => outcome.status === 200)).toBe(true);
    // It did drain: requests were answered after the signal, with `connection: close`.
    const drained = outcomes.filter((outcome) => outcome.afterSignal);
    expect(drained.length).toBeGreaterThan(0);
    expect(drained.some((outcome) => outcome.connection === 'close')).toBe(true);
    // The idle keep-alive connections were closed by the server.
    expect(idle.every((client) => disconnected.has(client))).toBe(true);
    expect(refused).toBeLessThanOrEqual(busy.length);
  }, 30_000);
});
