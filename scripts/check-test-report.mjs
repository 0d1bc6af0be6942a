// Reads the JSON report `npm test` writes and fails when any test was skipped, marked todo or
// focused away, or when no test ran at all: a skipped test hides a failure.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? 'test-results/vitest.json';
const report = JSON.parse(readFileSync(path, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);

console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || skipped > 0 || passed === 0 || report.success !== true) {
  console.error('The test run failed, skipped tests, or ran none.');
  process.exit(1);
}
