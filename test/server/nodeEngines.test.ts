import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, { version?: string; engines?: unknown }> };
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };

/** The lowest Node version the project promises (`engines.node` of package.json, `>=X.Y.Z`). */
const promised = (/^>=(\d+)\.(\d+)\.(\d+)$/.exec(manifest.engines.node) ?? []).slice(1).map(Number);

const atLeast = (version: number[], bound: number[]) => {
  for (let index = 0; index < 3; index += 1) {
    if ((version[index] ?? 0) !== (bound[index] ?? 0)) return (version[index] ?? 0) > (bound[index] ?? 0);
  }
  return true;
};

/**
 * Whether a range admits the promised version: one `||` alternative whose lower bounds (`>=`,
 * `^`, `~`, a bare version) all admit it. Upper bounds are not checked: packages state them for
 * versions above ours.
 */
function admitsPromised(range: string): boolean {
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const match = /^(>=|\^|~|>)?v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(comparator);
        if (match === null || comparator.startsWith('<')) return true;
        const bound = [Number(match[2]), Number(match[3]) || 0, Number(match[4]) || 0];
        if (match[1] === '^') return bound[0] === promised[0] ? atLeast(promised, bound) : (bound[0] ?? 0) < (promised[0] ?? 0);
        return atLeast(promised, bound);
      }),
  );
}

describe('Dependencies: every installed package supports the Node version the README promises', () => {
  it('reads the promise', () => {
    expect(promised).toEqual([20, 19, 0]);
    expect(admitsPromised('>=22.15.0')).toBe(false);
    expect(admitsPromised('^20.19.0 || >=22.12.0')).toBe(true);
    expect(admitsPromised('>=18')).toBe(true);
  });

  it('has no package in the lock file whose engines.node excludes it (npm ci prints no EBADENGINE)', () => {
    const excluded = Object.entries(lock.packages)
      .map(([path, entry]) => ({ path, version: entry.version, node: (entry.engines as { node?: string } | undefined)?.node }))
      .filter((entry) => typeof entry.node === 'string' && !admitsPromised(entry.node));
    expect(excluded).toEqual([]);
  });
});
