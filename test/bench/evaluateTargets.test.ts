import { describe, expect, it } from 'vitest';
import type { SoakResult } from '../../bench/BenchReport.js';
import { evaluateTargets } from '../../bench/evaluateTargets.js';
import { targetsTable } from '../../bench/renderTables.js';

const soak = (seconds: number, atEnd: number): SoakResult =>
  ({ scenario: {} as SoakResult['scenario'], connections: 10, seconds, rssAfterWarmupMb: 100, rssAtEndMb: atEnd, windowSeconds: 5, rssAfterWarmupPointMb: 100, rssAtEndPointMb: atEnd }) as SoakResult;

const memory = (result: SoakResult | undefined) => evaluateTargets({ cells: [], growth: [], validation: [], soak: result }, [0]).find((verdict) => verdict.target.startsWith('no memory growth'));

describe('Bench: the memory target', () => {
  it('is not measured by a run shorter than 60 s (BENCH_QUICK), whatever RSS did', () => {
    expect(memory(soak(5, 100))).toMatchObject({ met: undefined, measured: expect.stringContaining('a 5 s run, shorter than the 60 s the target is about: not measured') });
    expect(targetsTable([memory(soak(5, 100))!])).toContain('| not measured |');
  });

  it('is met or missed by a 60 s run', () => {
    expect(memory(soak(60, 105))?.met).toBe(true);
    expect(memory(soak(60, 120))?.met).toBe(false);
    expect(targetsTable([memory(soak(60, 120))!])).toContain('**missed**');
  });
});
