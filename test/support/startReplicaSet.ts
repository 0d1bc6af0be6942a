import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  SIMULATOR_APPLICATION_KEY,
  SIMULATOR_APPLICATION_SECRET,
  SIMULATOR_KEY_ID,
  SIMULATOR_KEY_SECRET,
  SIMULATOR_PROJECT_ID,
} from '../../src/simulator/simulatorCredentials.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A process of the project's own (a gateway or the simulator), started as `npm start` would, with tsx. */
export interface ProjectProcess {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Every log line it wrote to stdout, parsed (JSON), in order. */
  logs: Record<string, unknown>[];
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL, as in a crash. */
  kill(): Promise<void>;
  child: ChildProcess;
}

export interface ReplicaSet {
  simulator: ProjectProcess;
  replicas: ProjectProcess[];
  /** Starts replica `index` again (after a stop or a kill), with the same environment. */
  restart(index: number): Promise<ProjectProcess>;
  close(): Promise<void>;
}

export interface ReplicaSetOptions {
  replicas: number;
  /** Every replica's environment on top of the simulator's credentials and origins (REDIS_URL, limits ...). */
  env?: Record<string, string>;
  /** The environment of one replica, on top of `env`. */
  envOf?: (index: number) => Record<string, string>;
  /** The simulator's own environment (SIMULATOR_* variables of src/simulator/main.ts). */
  simulatorEnv?: Record<string, string>;
  /** How long each process may take to be ready (default 20 s; a loaded machine needs more). */
  startTimeoutMs?: number;
}

/**
 * N gateway processes and one simulator process, all on loopback ephemeral ports: what a
 * Deployment of N replicas in front of one Sinch looks like, for the multi-replica suites.
 */
export async function startReplicaSet(options: ReplicaSetOptions): Promise<ReplicaSet> {
  const simulator = await startProjectProcess('src/simulator/main.ts', { SIMULATOR_PORT: '0', SIMULATOR_HOST: '127.0.0.1', ...options.simulatorEnv }, 'Sinch simulator listening', options.startTimeoutMs);
  const environmentOf = (index: number) => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    SINCH_SIMULATOR: 'false',
    SINCH_PROJECT_ID: SIMULATOR_PROJECT_ID,
    SINCH_KEY_ID: SIMULATOR_KEY_ID,
    SINCH_KEY_SECRET: SIMULATOR_KEY_SECRET,
    SINCH_APPLICATION_KEY: SIMULATOR_APPLICATION_KEY,
    SINCH_APPLICATION_SECRET: SIMULATOR_APPLICATION_SECRET,
    SINCH_AUTH_URL: simulator.url,
    SINCH_NUMBERS_URL: simulator.url,
    SINCH_VERIFICATION_URL: simulator.url,
    SINCH_SIP_URL: simulator.url,
    ...options.env,
    ...options.envOf?.(index),
  });
  const startReplica = (index: number) => startProjectProcess('src/main.ts', environmentOf(index), 'GraphQL gateway ready', options.startTimeoutMs);
  const replicas: ProjectProcess[] = [];
  try {
    replicas.push(...(await Promise.all(Array.from({ length: options.replicas }, (_, index) => startReplica(index)))));
  } catch (error) {
    await Promise.all([...replicas, simulator].map((process) => process.kill()));
    throw error;
  }
  return {
    simulator,
    replicas,
    async restart(index) {
      await replicas[index]?.stop();
      const replica = await startReplica(index);
      replicas[index] = replica;
      return replica;
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await simulator.stop();
    },
  };
}

/**
 * Spawns `node --import tsx <entry>` and resolves once it logs a message starting with `readyMessage` with a `url`
 * (the gateway's log names `${url}/graphql`; the base URL is returned).
 */
export async function startProjectProcess(entry: string, env: Record<string, string>, readyMessage: string, timeoutMs = 20_000): Promise<ProjectProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let pending = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not log "${readyMessage}" within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before it was ready: ${stderr}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        let entryLog: Record<string, unknown>;
        try {
          entryLog = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        logs.push(entryLog);
        if (typeof entryLog['msg'] === 'string' && entryLog['msg'].startsWith(readyMessage) && typeof entryLog['url'] === 'string') {
          clearTimeout(timer);
          resolve(new URL(entryLog['url']).origin);
        }
      }
    });
  });

  const stopWith = async (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { url, logs, child, stop: (graceMs = 10_000) => stopWith('SIGTERM', graceMs), kill: () => stopWith('SIGKILL', 0) };
}
