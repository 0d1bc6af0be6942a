export type FaultAction = 'reset' | 'malformed' | 'hang' | 'trickle';

export const FAULT_ACTIONS: readonly FaultAction[] = ['reset', 'malformed', 'hang', 'trickle'];

/** A fault as registered through `POST /__admin/faults`. */
export interface FaultDefinition {
  /** Only requests with this method (case-insensitive); any method when absent. */
  method?: string;
  /** Regular expression source matched against the raw request path (no query string). */
  path: string;
  status?: number;
  headers?: Record<string, string>;
  /** Sent verbatim: a string as is, anything else as JSON. */
  body?: unknown;
  /** Wait this long before acting. */
  delayMs?: number;
  action?: FaultAction;
  /** Milliseconds between two body bytes for `trickle` (default 250). */
  intervalMs?: number;
  /** How many requests the fault applies to; default 1, 0 means forever. */
  times?: number;
}

export interface RegisteredFault {
  id: string;
  definition: FaultDefinition;
  pattern: RegExp;
  /** Remaining uses; Infinity for `times: 0`. */
  remaining: number;
}

/**
 * Faults are matched before normal routing, first registered first, so a test can break
 * exactly one endpoint for exactly N calls and watch the gateway's retry and error paths.
 */
export class FaultInjector {
  #faults: RegisteredFault[] = [];
  #nextId = 1;

  add(definition: FaultDefinition): RegisteredFault {
    const times = definition.times ?? 1;
    const fault: RegisteredFault = {
      id: `fault-${this.#nextId++}`,
      definition,
      pattern: new RegExp(definition.path),
      remaining: times === 0 ? Number.POSITIVE_INFINITY : times,
    };
    this.#faults.push(fault);
    return fault;
  }

  /** Finds the fault for a request and uses it up once. */
  take(method: string, rawPath: string): RegisteredFault | undefined {
    const fault = this.#faults.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.definition.method === undefined || candidate.definition.method.toUpperCase() === method) &&
        candidate.pattern.test(rawPath),
    );
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((candidate) => candidate !== fault);
    return fault;
  }

  list(): RegisteredFault[] {
    return [...this.#faults];
  }

  clear(): void {
    this.#faults = [];
  }
}
