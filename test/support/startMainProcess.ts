import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.js';

export { freePort };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));


export interface RunningMain {
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `src/main.ts` as a child process over the embedded simulator; resolves once it is ready. */
export async function startMain(port: number, env: Record<string, string> = {}): Promise<RunningMain> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '2000', SINCH_SIMULATOR: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    const check = () => (output.join('').includes('GraphQL gateway ready') ? resolve() : undefined);
    child.stdout?.on('data', check);
    void exited.then(() => reject(new Error(`main.ts exited before it was ready:\n${output.join('')}`)));
  });
  return { child, output, exited };
}
