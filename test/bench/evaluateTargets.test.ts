import { describe, expect, it } from 'vitest';
import type { Cell, SoakResult } from '../../bench/BenchReport.js';
import type { CellResult } from '../../bench/measureCell.js';
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

describe('Bench: the per-request cost targets of a trusted document', () => {
  const figures = (values: Partial<CellResult>): CellResult => ({
    requests: 1000,
    requestsPerSecond: 1000,
    p50Ms: 1,
    p99Ms: 2,
    cpuMsPerOperation: 1,
    upstreamCallsPerOperation: 1,
    upstreamCallsPerOperationByService: {},
    peakRssMb: 150,
    rssMb: 100,
    failures: 0,
    ...values,
  });
  const cell = (key: string, connections: number, target: Cell['target'], values: Partial<CellResult>): Cell => {
    const median = figures(values);
    return { scenario: { key } as Cell['scenario'], latencyMs: 0, connections, target, runs: [median], median };
  };
  const verdict = (cells: Cell[], start: string) => evaluateTargets({ cells, growth: [], validation: [], soak: undefined }, [0]).find((entry) => entry.target.startsWith(start));

  it('judges CPU per operation against the baseline of the same cell, and names the ad-hoc document\'s figure beside it', () => {
    const baseline = cell('a', 1, 'baseline', { cpuMsPerOperation: 0.2 });
    const adHoc = cell('a', 1, 'gateway', { cpuMsPerOperation: 0.9 });
    const met = verdict([baseline, adHoc, cell('a', 1, 'gatewayTrusted', { cpuMsPerOperation: 0.5 })], '(a) trusted document, 0 ms, 1 connection: CPU');
    expect(met).toMatchObject({ met: true, measured: expect.stringContaining('2.50×') });
    expect(met?.measured).toContain('sent as a document: 0.900 ms/op, 4.50×');
    expect(verdict([baseline, cell('a', 1, 'gatewayTrusted', { cpuMsPerOperation: 0.51 })], '(a) trusted document, 0 ms, 1 connection: CPU')?.met).toBe(false);
    expect(verdict([], '(a) trusted document, 0 ms, 1 connection: CPU')?.met).toBeUndefined();
  });

  it('judges the p50 overhead at 1 connection and the throughput at 50', () => {
    const cells = [cell('a', 1, 'baseline', { p50Ms: 0.5 }), cell('a', 1, 'gatewayTrusted', { p50Ms: 0.65 }), cell('b', 50, 'baseline', { requestsPerSecond: 1000 }), cell('b', 50, 'gatewayTrusted', { requestsPerSecond: 690 })];
    expect(verdict(cells, '(a) trusted document, 0 ms, 1 connection: p50')?.met).toBe(false);
    expect(verdict(cells, '(b) trusted document, 0 ms, 50 connections, UPSTREAM_SHARE_READS=false: throughput')).toMatchObject({ met: false, measured: expect.stringContaining('69%') });
  });

  it('judges the peak RSS of every gateway process, never the baseline\'s', () => {
    const cells = [cell('a', 1, 'baseline', { peakRssMb: 500 }), cell('a', 1, 'gateway', { peakRssMb: 190 }), cell('a', 1, 'gatewayTrusted', { peakRssMb: 201 })];
    expect(verdict(cells, 'peak RSS')).toMatchObject({ met: false, measured: 'gateway 190 MiB; gateway, trusted document, reads not shared 201 MiB' });
    expect(verdict(cells.slice(0, 2), 'peak RSS')?.met).toBe(true);
  });
});
