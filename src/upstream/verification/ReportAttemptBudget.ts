import { GatewayError } from '../../errors/GatewayError.js';

export interface ReportAttemptBudgetOptions {
  /** Reports allowed per verification (or per phone number) within one window. Default 5. */
  maxAttempts?: number;
  /** Length of the window, counted from the first report. Default 10 minutes. */
  windowMs?: number;
  /** How many verifications are tracked at most; the least recently used is forgotten first. Default 10 000. */
  maxTracked?: number;
  now?: () => number;
}

interface Window {
  attempts: number;
  endsAt: number;
}

export const DEFAULT_REPORT_BUDGET = { maxAttempts: 5, windowMs: 10 * 60_000, maxTracked: 10_000 } as const;

/**
 * Brute-force protection for verification codes, in this process: a code is a secret, so the
 * gateway lets each verification be reported only `maxAttempts` times per window, whatever
 * Sinch itself allows. An attempt is counted BEFORE the upstream call and whatever its result,
 * so a failing, slow or aborted report still costs one attempt.
 *
 * Memory is bounded: a Map in least-recently-used order (re-inserted on every use), at most
 * `maxTracked` entries. When full, expired windows are dropped first; only then the least
 * recently used one, which under a flood of fresh ids is the oldest honest entry, so the
 * bound trades a little protection for a process that cannot be exhausted.
 */
export class ReportAttemptBudget {
  readonly maxAttempts: number;
  readonly windowMs: number;
  readonly maxTracked: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();

  constructor(options: ReportAttemptBudgetOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_REPORT_BUDGET.maxAttempts;
    this.windowMs = options.windowMs ?? DEFAULT_REPORT_BUDGET.windowMs;
    this.maxTracked = options.maxTracked ?? DEFAULT_REPORT_BUDGET.maxTracked;
    this.#now = options.now ?? Date.now;
  }

  /** Takes one attempt for `key`, or throws RATE_LIMITED when the window's budget is spent. */
  take(key: string): void {
    const now = this.#now();
    const current = this.#windows.get(key);
    const window = current !== undefined && current.endsAt > now ? current : { attempts: 0, endsAt: now + this.windowMs };
    if (window.attempts >= this.maxAttempts) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
      throw new GatewayError(
        'RATE_LIMITED',
        `Too many reports for this verification: at most ${this.maxAttempts} every ${Math.round(this.windowMs / 1000)} seconds. Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
    window.attempts += 1;
    this.#windows.delete(key);
    this.#windows.set(key, window);
    this.#evict(now);
  }

  /** How many keys are tracked now (tests, metrics). */
  get size(): number {
    return this.#windows.size;
  }

  #evict(now: number): void {
    if (this.#windows.size <= this.maxTracked) return;
    for (const [key, window] of this.#windows) {
      if (window.endsAt <= now) this.#windows.delete(key);
    }
    for (const key of this.#windows.keys()) {
      if (this.#windows.size <= this.maxTracked) break;
      this.#windows.delete(key);
    }
  }
}
