import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';

/** One entry of docs/error-examples.json: an upstream error and the operation that provokes it. */
export interface ErrorExample {
  service: string;
  /** Null for outcomes that are not an HTTP error (a provisioning result reported in a 200). */
  httpStatus: number | null;
  code: string;
  message: string | null;
  setup?: unknown;
  operation: { query: string; variables?: Record<string, unknown> };
}

/**
 * The error catalogue (docs/error-examples.json, written by the simulator's catalogue tests), as
 * explorer tabs: each entry's operation under a comment naming the upstream answer and the
 * simulator setup that produces it. Read when the gateway starts; a missing file is no examples,
 * and a malformed file or entry is skipped with a warning: the explorer must open anyway.
 */
export function loadErrorExamples(path: string, logger: Logger): Array<{ query: string; variables?: string }> {
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ path }, 'the error catalogue could not be read: the explorer opens without it');
    return [];
  }
  if (!Array.isArray(entries)) {
    logger.warn({ path }, 'the error catalogue is not a JSON array: the explorer opens without it');
    return [];
  }
  const tabs = entries.filter(isErrorExample).map((entry) => {
    const header = [
      `# ${entry.code}: ${entry.service}${entry.httpStatus === null ? '' : ` answers HTTP ${entry.httpStatus}`}`,
      ...(entry.message === null || entry.message === '' ? [] : [`# ${entry.message}`]),
      ...(entry.setup === undefined ? [] : [`# simulator setup: ${typeof entry.setup === 'string' ? entry.setup : JSON.stringify(entry.setup)}`]),
    ].map(oneLine);
    const variables = entry.operation.variables;
    return { query: `${header.join('\n')}\n${entry.operation.query}`, ...(variables === undefined ? {} : { variables: JSON.stringify(variables, null, 2) }) };
  });
  if (tabs.length < entries.length) logger.warn({ path, skipped: entries.length - tabs.length }, 'some error catalogue entries are malformed and were skipped');
  return tabs;
}

/** A comment is one line: a newline in a message would end it and turn the rest into GraphQL. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function isErrorExample(value: unknown): value is ErrorExample {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const operation = entry['operation'] as Record<string, unknown> | null | undefined;
  return (
    typeof entry['service'] === 'string' &&
    (typeof entry['httpStatus'] === 'number' || entry['httpStatus'] === null) &&
    typeof entry['code'] === 'string' &&
    (typeof entry['message'] === 'string' || entry['message'] === null) &&
    typeof operation === 'object' &&
    operation !== null &&
    typeof operation['query'] === 'string' &&
    (operation['variables'] === undefined || (typeof operation['variables'] === 'object' && operation['variables'] !== null && !Array.isArray(operation['variables'])))
  );
}
