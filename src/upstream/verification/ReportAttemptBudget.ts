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
  /** The latest verification started through this gateway for each phone number. */
  readonly #latestIdByNumber = new Map<string, string>();

  constructor(options: ReportAttemptBudgetOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_REPORT_BUDGET.maxAttempts;
    this.windowMs = options.windowMs ?? DEFAULT_REPORT_BUDGET.windowMs;
    this.maxTracked = options.maxTracked ?? DEFAULT_REPORT_BUDGET.maxTracked;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Remembers the verification just started for a phone number. A report by identity reports
   * the latest pending verification of the number (REFERENCE 5.2), so it then draws on that
   * verification's budget: reporting by id and by number cannot be combined for twice the
   * guesses. A new start (a new code) gets a budget of its own.
   */
  pair(verificationId: string, phoneNumber: string): void {
    this.#latestIdByNumber.delete(phoneNumber);
    this.#latestIdByNumber.set(phoneNumber, verificationId);
    for (const oldest of this.#latestIdByNumber.keys()) {
      if (this.#latestIdByNumber.size <= this.maxTracked) break;
      this.#latestIdByNumber.delete(oldest);
    }
  }

  /** Takes one attempt for a report by verification id. */
  takeForId(verificationId: string): void {
    this.take(`id:${verificationId}`);
  }

  /** Takes one attempt for a report by identity: from the number's latest verification when known. */
  takeForNumber(phoneNumber: string): void {
    const latest = this.#latestIdByNumber.get(phoneNumber);
    this.take(latest === undefined ? `number:${phoneNumber}` : `id:${latest}`);
  }

  /**
   * Takes one attempt for every key, or none: throws RATE_LIMITED when any key's window is
   * spent, before counting anything.
   */
  take(...keys: string[]): void {
    const now = this.#now();
    const windows = keys.map((key) => {
      const current = this.#windows.get(key);
      return { key, window: current !== undefined && current.endsAt > now ? current : { attempts: 0, endsAt: now + this.windowMs } };
    });
    const spent = windows.find(({ window }) => window.attempts >= this.maxAttempts);
    if (spent !== undefined) {
      const retryAfterSeconds = Math.max(1, Math.ceil((spent.window.endsAt - now) / 1000));
      throw new GatewayError(
        'RATE_LIMITED',
        `Too many reports for this verification: at most ${this.maxAttempts} every ${Math.round(this.windowMs / 1000)} seconds. Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
    for (const { key, window } of windows) {
      window.attempts += 1;
      this.#windows.delete(key);
      this.#windows.set(key, window);
    }
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
