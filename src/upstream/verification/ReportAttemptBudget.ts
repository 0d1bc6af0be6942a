import { GatewayError } from '../../errors/GatewayError.js';

export interface ReportAttemptBudgetOptions {
  /** Reports allowed per verification (or per phone number) within one window. Default 5. */
  maxAttempts?: number;
  /** Length of the window, counted from the first report. Default 10 minutes. */
  windowMs?: number;
  /** How many verifications are tracked at most; the least recently used is forgotten first. Default 10 000. */
  maxTracked?: number;
  /**
   * How long a started verification's phone number is remembered, so that reports by its id
   * also draw on the number's budget. Default 24 hours: the longest code expiry an SMS start
   * can ask for (`expiry: 23:59:59`).
   */
  pairingTtlMs?: number;
  now?: () => number;
}

interface Window {
  attempts: number;
  endsAt: number;
}

interface Pairing {
  phoneNumber: string;
  endsAt: number;
}

export const DEFAULT_REPORT_BUDGET = { maxAttempts: 5, windowMs: 10 * 60_000, maxTracked: 10_000, pairingTtlMs: 24 * 60 * 60_000 } as const;

/**
 * Brute-force protection for verification codes, in this process: a code is a secret, so the
 * gateway lets each verification be reported only `maxAttempts` times per window, whatever
 * Sinch itself allows. An attempt is counted BEFORE the upstream call and whatever its result,
 * so a failing, slow or aborted report still costs one attempt.
 *
 * Two budgets, both spent by a report or neither:
 * - per phone number, across methods and verifications: a report by number, and a report by
 *   the id of a verification started here for that number, both draw on it. A new start never
 *   gives it back, because Sinch applies a report by number to the newest verification OF THE
 *   REPORTED METHOD: starting a FLASH_CALL must not buy five more guesses at a pending SMS code.
 * - per verification id, for ids whose number the gateway never saw (started elsewhere).
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
  readonly pairingTtlMs: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();
  /** The phone number of each verification started through this gateway. */
  readonly #numberById = new Map<string, Pairing>();

  constructor(options: ReportAttemptBudgetOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_REPORT_BUDGET.maxAttempts;
    this.windowMs = options.windowMs ?? DEFAULT_REPORT_BUDGET.windowMs;
    this.maxTracked = options.maxTracked ?? DEFAULT_REPORT_BUDGET.maxTracked;
    this.pairingTtlMs = options.pairingTtlMs ?? DEFAULT_REPORT_BUDGET.pairingTtlMs;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Remembers the phone number of a verification just started, so that reports by its id also
   * draw on the number's budget: reporting by id and by number cannot be combined for more
   * guesses, and neither can starting again with another method.
   */
  pair(verificationId: string, phoneNumber: string): void {
    this.#numberById.delete(verificationId);
    this.#numberById.set(verificationId, { phoneNumber, endsAt: this.#now() + this.pairingTtlMs });
    for (const oldest of this.#numberById.keys()) {
      if (this.#numberById.size <= this.maxTracked) break;
      this.#numberById.delete(oldest);
    }
  }

  /** Takes one attempt for a report by verification id: from the id's budget and its number's, when known. */
  takeForId(verificationId: string): void {
    const pairing = this.#numberById.get(verificationId);
    const phoneNumber = pairing !== undefined && pairing.endsAt > this.#now() ? pairing.phoneNumber : undefined;
    if (phoneNumber === undefined) this.take(`id:${verificationId}`);
    else this.take(`id:${verificationId}`, `number:${phoneNumber}`);
  }

  /** Takes one attempt for a report by phone number: from the number's budget, whatever was started since. */
  takeForNumber(phoneNumber: string): void {
    this.take(`number:${phoneNumber}`);
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
