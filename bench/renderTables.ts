import { TARGET_NAMES } from './BenchReport.js';
import type { BenchReport, Cell, TargetVerdict } from './BenchReport.js';

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** The baseline's cell for the same scenario, size, latency and connections. */
function counterpart(cells: Cell[], cell: Cell): Cell | undefined {
  return cells.find(
    (other) => other.target === 'baseline' && other.scenario.key === cell.scenario.key && other.count === cell.count && other.latencyMs === cell.latencyMs && other.connections === cell.connections,
  );
}

/** The main table: one row per cell and server, the gateway row carrying the gateway/baseline ratios. */
export function mainTable(report: BenchReport): string {
  const rows = report.cells.map((cell) => {
    const figures = cell.median;
    const baseline = cell.target !== 'baseline' ? counterpart(report.cells, cell)?.median : undefined;
    return [
      `(${cell.scenario.key})`,
      `${cell.latencyMs} ms`,
      String(cell.connections),
      TARGET_NAMES[cell.target] + (cell.runs.length > 1 ? ` (median of ${cell.runs.length})` : ''),
      fixed(figures.requestsPerSecond, 0),
      fixed(figures.p50Ms, 2),
      fixed(figures.p99Ms, 2),
      fixed(figures.cpuMsPerOperation, 3),
      fixed(figures.upstreamCallsPerOperation, 2),
      fixed(figures.peakRssMb, 0),
      baseline ? `${fixed(figures.requestsPerSecond / baseline.requestsPerSecond, 2)} / ${fixed(figures.p50Ms / baseline.p50Ms, 2)}` : '',
      figures.failures === 0 ? '0' : `**${figures.failures}**`,
    ];
  });
  return table(['scenario', 'latency', 'conn.', 'server', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/op', 'upstream calls/op', 'peak RSS MiB', 'gateway/baseline req/s / p50', 'failures'], rows);
}

/** Scenario (c) by size: calls per service and latency, at each simulator latency, 1 connection. */
export function growthTable(report: BenchReport): string {
  const sized = [
    ...report.cells.filter((cell) => cell.scenario.key === 'c' && cell.connections === 1).map((cell) => ({ ...cell, count: 100 })),
    ...report.growth,
  ].sort((left, right) => left.latencyMs - right.latencyMs || (left.count ?? 0) - (right.count ?? 0) || left.target.localeCompare(right.target));
  const rows = sized.map((cell) => {
    const byService = cell.median.upstreamCallsPerOperationByService;
    return [
      String(cell.count),
      `${cell.latencyMs} ms`,
      TARGET_NAMES[cell.target],
      fixed(byService['NUMBERS'] ?? 0, 2),
      fixed(byService['SIP_TRUNKING'] ?? 0, 2),
      fixed(cell.median.upstreamCallsPerOperation, 2),
      fixed(cell.median.p50Ms, 2),
      fixed(cell.median.p99Ms, 2),
      fixed(cell.median.cpuMsPerOperation, 3),
    ];
  });
  return table(['numbers', 'latency', 'server', 'Numbers calls/op', 'SIP calls/op', 'all calls/op', 'p50 ms', 'p99 ms', 'CPU ms/op'], rows);
}

export function targetsTable(targets: TargetVerdict[]): string {
  const verdict = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? '**met**' : '**missed**');
  return table(['target', 'measured', 'verdict'], targets.map((entry) => [entry.target, entry.measured, verdict(entry.met)]));
}

export function validationTable(report: BenchReport): string {
  const rows = report.validation.map((row) => [
    `(${row.scenario.key})${row.count === undefined ? '' : ` ${row.count} numbers`}`,
    row.scenario.title,
    String(row.scenario.expectedCalls),
    String(row.gatewayCalls),
    String(row.baselineCalls),
    String(row.scenario.criticalPath),
    String(row.scenario.gatewayChain),
  ]);
  return table(['scenario', 'operation', 'expected calls', 'gateway calls', 'baseline calls', 'critical path (round trips)', 'gateway resolver chain'], rows);
}
