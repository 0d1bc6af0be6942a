import type { SimulatorService } from './SimulatorRequest.js';

export interface RequestLogEntry {
  seq: number;
  service: SimulatorService;
  method: string;
  /** The raw path as received, without the query string. */
  path: string;
  /** Query parameters; a key given more than once maps to an array. */
  query: Record<string, string | string[]>;
  /** The matched route template (`GET /v1/projects/{projectId}/activeNumbers`), or null if none matched. */
  route: string | null;
  /** The status sent; null while the answer is pending or when none was sent (hang, reset). */
  status: number | null;
  receivedAt: string;
  /** The scheme of the Authorization header (`Bearer`, `Basic`, ...); never the credential. */
  authorizationScheme: string | null;
  /** The W3C `traceparent` header as received (the caller's trace and span ids), or null. */
  traceparent: string | null;
}

/** How many entries the log keeps: the latest ones. Counts go on past it. */
export const REQUEST_LOG_CAPACITY = 10_000;

/**
 * Non-admin requests, in arrival order. Entries are recorded when a request arrives and
 * completed when it is answered, so a request that hangs still shows up. The log keeps the
 * latest `capacity` entries, so a simulator that runs for days (`npm start`) does not grow
 * without bound; the per-service counts cover every request since the last clear, for load
 * tests that make far more.
 */
export class RequestLog {
  #entries: RequestLogEntry[] = [];
  #nextSeq = 1;
  #counts: Partial<Record<SimulatorService, number>> = {};

  constructor(readonly capacity: number = REQUEST_LOG_CAPACITY) {}

  record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const recorded = { seq: this.#nextSeq++, ...entry };
    this.#entries.push(recorded);
    if (this.#entries.length > this.capacity) {
      // Dropping in chunks keeps the cost of trimming amortised constant per request.
      this.#entries = this.#entries.slice(-Math.floor(this.capacity * 0.9));
    }
    this.#counts[entry.service] = (this.#counts[entry.service] ?? 0) + 1;
    return recorded;
  }

  /** Requests per service since the last clear, kept or not. */
  counts(): Partial<Record<SimulatorService, number>> {
    return { ...this.#counts };
  }

  list(service?: SimulatorService): RequestLogEntry[] {
    const entries = service === undefined ? this.#entries : this.#entries.filter((entry) => entry.service === service);
    return entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries = [];
    this.#counts = {};
  }
}

export function queryToRecord(query: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    record[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return record;
}
