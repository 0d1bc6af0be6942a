import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Preloaded into every child: it exits when the harness's end of its stdin closes. */
const EXIT_WITH_PARENT = fileURLToPath(new URL('./exitWithParent.mjs', import.meta.url));
/** Output kept per child, for the error message when it fails to start or dies. */
const KEPT_OUTPUT_CHARS = 4000;

export interface BenchChild {
  name: string;
  pid: number;
  process: ChildProcess;
  /** The last few thousand characters the child wrote, stdout and stderr interleaved. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  /** Arguments to node, the script included. */
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

/**
 * Every process the benchmark starts, so that all of them end however the harness ends:
 * normally, on an error, on Ctrl-C (SIGINT) or SIGTERM. A SIGKILL of the harness cannot be
 * caught; for that the children watch their stdin (exitWithParent.mjs).
 */
export class ChildProcessGroup {
  readonly #children = new Set<BenchChild>();

  constructor() {
    // 'exit' handlers must be synchronous: a SIGKILL is the only thing that can still be sent.
    process.once('exit', () => {
      for (const child of this.#children) child.process.kill('SIGKILL');
    });
  }

  spawn(options: SpawnOptions): BenchChild {
    const child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, ...options.args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (child.pid === undefined) throw new Error(`could not start the ${options.name} process`);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const handle: BenchChild = {
      name: options.name,
      pid: child.pid,
      process: child,
      output: () => output,
      stop: async (graceMs = 3000) => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(timer);
        }
        this.#children.delete(handle);
      },
    };
    this.#children.add(handle);
    return handle;
  }

  /** Stops every child still running, in parallel. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#children].map((child) => child.stop()));
  }
}

/** Resolves with the first stdout line matching `pattern`, or rejects after `timeoutMs` or if the child exits. */
export function waitForLine(child: BenchChild, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const cleanUp = () => {
      clearTimeout(timer);
      child.process.stdout?.off('data', onData);
      child.process.off('exit', onExit);
    };
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = pattern.exec(buffered);
      if (match !== null) {
        cleanUp();
        resolve(match);
      }
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(new Error(`the ${child.name} process exited (code ${code}) before it was ready:\n${child.output()}`));
    };
    const timer = setTimeout(() => {
      cleanUp();
      reject(new Error(`the ${child.name} process was not ready within ${timeoutMs} ms:\n${child.output()}`));
    }, timeoutMs);
    child.process.stdout?.on('data', onData);
    child.process.once('exit', onExit);
  });
}
