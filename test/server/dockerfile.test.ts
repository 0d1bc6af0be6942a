import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deployedNodeOptions } from '../../bench/startBenchProcesses.js';

const ROOT = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { engines: { node: string } };

interface Instruction {
  keyword: string;
  argument: string;
}

/** The Dockerfile's instructions, continuation lines joined, comments and parser directives dropped. */
function parseDockerfile(text: string): Instruction[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), argument: rest.join(' ') };
    });
}

/** Instructions grouped by stage (each FROM starts one). */
function stages(instructions: Instruction[]): Instruction[][] {
  const result: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') result.push([]);
    result.at(-1)?.push(instruction);
  }
  return result;
}

const isExecForm = (argument: string) => {
  try {
    const parsed: unknown = JSON.parse(argument);
    return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string');
  } catch {
    return false;
  }
};

describe('Dockerfile: a small, non-root, production-only image', () => {
  const instructions = parseDockerfile(readFileSync(fileURLToPath(new URL('Dockerfile', ROOT)), 'utf8'));
  const [build = [], runtime = []] = stages(instructions);
  const find = (stage: Instruction[], keyword: string) => stage.filter((instruction) => instruction.keyword === keyword);

  it('has a build stage and a runtime stage, on a pinned Node image matching engines.node', () => {
    expect(stages(instructions)).toHaveLength(2);
    const major = /(\d+)/.exec(manifest.engines.node)?.[1];
    for (const stage of [build, runtime]) expect(stage[0]?.argument).toMatch(new RegExp(`^node:${major}\\.\\d+`));
  });

  it('installs with npm ci from the lockfile: everything to build, production dependencies only to run', () => {
    expect(find(build, 'RUN').some((instruction) => /\bnpm ci\b/.test(instruction.argument))).toBe(true);
    expect(find(build, 'RUN').some((instruction) => /\bnpm run build\b/.test(instruction.argument))).toBe(true);
    const install = find(runtime, 'RUN').map((instruction) => instruction.argument).join(' ');
    expect(install).toMatch(/\bnpm ci\b[^&]*--omit=dev/);
    expect(find(runtime, 'COPY').some((instruction) => /package-lock\.json/.test(instruction.argument))).toBe(true);
  });

  it('copies only the compiled output and the schema into the runtime stage, never the sources or build dependencies', () => {
    const copies = find(runtime, 'COPY').map((instruction) => instruction.argument);
    expect(copies.filter((copy) => copy.startsWith('--from='))).toEqual([expect.stringMatching(/\/app\/dist\s+\.\/dist$/)]);
    expect(copies.some((copy) => /(^|\s)(\.\/)?src(\s|$)|node_modules/.test(copy))).toBe(false);
    expect(copies.some((copy) => /(^|\s)schema(\s|$)/.test(copy))).toBe(true);
  });

  it('runs as a non-root user', () => {
    const users = find(runtime, 'USER').map((instruction) => instruction.argument);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('starts node directly in exec form, so SIGTERM reaches the process, with NODE_ENV=production', () => {
    const commands = find(runtime, 'CMD');
    expect(commands).toHaveLength(1);
    expect(isExecForm(commands[0]?.argument ?? '')).toBe(true);
    expect(JSON.parse(commands[0]?.argument ?? '[]')).toEqual(['node', 'dist/main.js']);
    expect(find(runtime, 'ENTRYPOINT')).toEqual([]);
    expect(find(runtime, 'ENV').some((instruction) => /NODE_ENV=production/.test(instruction.argument))).toBe(true);
  });

  it('sets NODE_OPTIONS that node accepts, the same the benchmark runs the gateway with', () => {
    const options = deployedNodeOptions(fileURLToPath(ROOT));
    expect(find(runtime, 'ENV').some((instruction) => instruction.argument === `NODE_OPTIONS="${options}"`)).toBe(true);
    expect(options).toMatch(/--max-semi-space-size=\d+/);
    // Node refuses to start on an unknown or malformed option in NODE_OPTIONS.
    const started = spawnSync(process.execPath, ['-e', 'process.stdout.write("started")'], { env: { PATH: process.env['PATH'] ?? '', NODE_OPTIONS: options }, encoding: 'utf8' });
    expect([started.status, started.stdout, started.stderr]).toEqual([0, 'started', '']);
  });

  it('has a HEALTHCHECK against /health', () => {
    const [healthcheck] = find(runtime, 'HEALTHCHECK');
    expect(healthcheck?.argument).toMatch(/\bCMD\b/);
    expect(healthcheck?.argument).toContain('/health');
  });

  it('keeps node_modules and build output out of the build context', () => {
    const ignored = readFileSync(fileURLToPath(new URL('.dockerignore', ROOT)), 'utf8').split(/\r?\n/);
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git']));
  });
});
