import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The last commit before OpenTelemetry tracing existed: the tracing cell compares the gateway with
 * tracing off against this code path, built from this commit (BENCH_PRE_TRACING_REF overrides).
 */
export const PRE_TRACING_COMMIT = '68e2115e6375175f1e5653a0b7517c8f89e930c1';

export interface PreTracingBuild {
  /** `…/dist/main.js` of the pre-tracing source. */
  entry: string;
  commit: string;
  remove(): void;
}

/**
 * Builds the gateway as it was at `PRE_TRACING_COMMIT` into a temporary directory: `git archive`
 * of its `src/`, `schema/` and TypeScript configuration, the working tree's `node_modules` linked
 * in (the same dependency versions, the tracing packages merely present), then `tsc`.
 */
export function buildPreTracing(root: string): PreTracingBuild {
  const ref = process.env['BENCH_PRE_TRACING_REF'] ?? PRE_TRACING_COMMIT;
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const directory = mkdtempSync(join(tmpdir(), 'gateway-pre-tracing-'));
  const archive = execFileSync('git', ['archive', '--format=tar', commit, 'src', 'schema', 'tsconfig.json', 'tsconfig.build.json', 'package.json'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', directory], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(directory, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(directory, 'tsconfig.build.json')], { cwd: directory, stdio: 'inherit' });
  return { entry: join(directory, 'dist', 'main.js'), commit: commit.slice(0, 7), remove: () => rmSync(directory, { recursive: true, force: true }) };
}
