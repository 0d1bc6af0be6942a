import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  kernel: string;
  node: string;
  /** Installed versions of the packages that shape the figures. */
  packages: Record<string, string>;
  /** The commit measured, with `+changes` when the work tree differs from it. */
  commit: string;
  /** 1-minute load average when the run started and ended: other work on the machine shows here. */
  loadAverageStart: number;
  loadAverageEnd: number;
}

const PACKAGES = ['@apollo/server', 'fastify', '@as-integrations/fastify', 'graphql', 'undici', 'dataloader', 'autocannon'];

export function machineInfo(root: string): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    kernel: release(),
    node: process.version,
    packages: Object.fromEntries(PACKAGES.map((name) => [name, installedVersion(root, name)])),
    commit: commitOf(root),
    loadAverageStart: loadavg()[0] ?? NaN,
    loadAverageEnd: NaN,
  };
}

function installedVersion(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** Read-only git queries; without git (an unpacked `git archive`) BENCH_COMMIT names it, or it is unknown. */
function commitOf(root: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? head : `${head}+changes`;
  } catch {
    return process.env['BENCH_COMMIT'] ?? 'unknown';
  }
}
