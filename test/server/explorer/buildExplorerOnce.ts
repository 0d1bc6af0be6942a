import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

let built: Promise<string> | undefined;

/** Bundles the explorer (scripts/build-explorer.mjs) into a fresh directory, once per test file. */
export function buildExplorerOnce(): Promise<string> {
  built ??= (async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'explorer-')), 'assets');
    await promisify(execFile)(process.execPath, ['scripts/build-explorer.mjs', directory], { cwd: new URL('../../../', import.meta.url) });
    return directory;
  })();
  return built;
}
