import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from './freePort.js';

/** A real `redis-server` on a loopback port of its own, with no persistence: kill and restart it at will. */
export interface TestRedisServer {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  /** SIGKILL: Redis goes away at once, as in a crash; the port stays reserved for `start`. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty (no persistence). */
  start(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
  /** SIGSTOP: Redis keeps its connections open but answers nothing (a hung server); `resume` undoes it. */
  pause(): void;
  /** SIGCONT after `pause`. */
  resume(): void;
}

const REDIS_SERVER = process.env['REDIS_SERVER_BIN'] ?? 'redis-server';

/**
 * Starts `redis-server` (Debian's package; `.ci/run` installs it) on a free loopback port.
 * Suites that kill and restart Redis use their own server from here; the others may share the
 * one `.ci/run` starts (`TEST_REDIS_URL`), or start their own.
 */
export async function startRedisServer(): Promise<TestRedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const process = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--loglevel', 'warning'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let failure = '';
    process.stderr?.on('data', (chunk: Buffer) => (failure += chunk.toString()));
    child = process;
    await untilListening(port, process, () => failure);
  };

  const kill = async () => {
    const process = child;
    child = undefined;
    if (process === undefined || process.exitCode !== null) return;
    const exited = new Promise((resolve) => process.once('exit', resolve));
    process.kill('SIGKILL');
    await exited;
  };

  await start();
  const signal = (name: NodeJS.Signals) => {
    if (child !== undefined && child.exitCode === null) child.kill(name);
  };
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, stop: kill, pause: () => signal('SIGSTOP'), resume: () => signal('SIGCONT') };
}


async function untilListening(port: number, process: ChildProcess, stderr: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (process.exitCode !== null) throw new Error(`redis-server exited (${process.exitCode}): ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection(port);
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await delay(25);
  }
  throw new Error(`redis-server did not listen on ${port} within 5 s: ${stderr()}`);
}

