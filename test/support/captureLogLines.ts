import { Writable } from 'node:stream';

export interface CapturedLogLines {
  /** Where the logger writes. */
  destination: Writable;
  /** Every line written so far, as written (JSON text). */
  readonly lines: string[];
  /** Every line written so far, parsed. */
  records(): Array<Record<string, unknown>>;
  /** All lines as one text, to search for bytes that must never be logged. */
  text(): string;
}

/** A log destination that keeps every line, for tests that search what the gateway logged. */
export function captureLogLines(): CapturedLogLines {
  const lines: string[] = [];
  let pending = '';
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      pending += String(chunk);
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line !== ''));
      callback();
    },
  });
  return {
    destination,
    lines,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => [...lines, pending].join('\n'),
  };
}
