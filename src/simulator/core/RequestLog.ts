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
}

/**
 * Every non-admin request, in arrival order. Entries are recorded when a request arrives and
 * completed when it is answered, so a request that hangs still shows up.
 */
export class RequestLog {
  #entries: RequestLogEntry[] = [];
  #nextSeq = 1;

  record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const recorded = { seq: this.#nextSeq++, ...entry };
    this.#entries.push(recorded);
    return recorded;
  }

  list(service?: SimulatorService): RequestLogEntry[] {
    const entries = service === undefined ? this.#entries : this.#entries.filter((entry) => entry.service === service);
    return entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries = [];
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
