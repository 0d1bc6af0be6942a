import { GatewayError } from '../../errors/GatewayError.js';
import type { LimitStore } from '../../store/LimitStore.js';
import { MemoryLimitStore } from '../../store/MemoryLimitStore.js';

export interface ReportAttemptBudgetOptions {
  /** Reports allowed per phone number (and per verification id) within one window. Default 5. */
  maxAttempts?: number;
  /** Length of the window, counted from the first report. Default 10 minutes. */
  windowMs?: number;
  /** How many keys the in-process store tracks at most (ignored with a given `store`). Default 10 000. */
  maxTracked?: number;
  /**
   * How long a started verification's phone number is remembered, so that reports by its id
   * also draw on the number's budget. Default 24 hours: the longest code expiry an SMS start
   * can ask for (`expiry: 23:59:59`).
   */
  pairingTtlMs?: number;
  /** Where the windows are counted; default a store of this process's own. */
  store?: LimitStore;
  /**
   * Whose budgets these are: the (tenant, project) pair of the client set. Two scopes never
   * share a budget, whichever store they use.
   */
  scope?: string;
  /** The in-process store's clock (tests; ignored with a given `store`). */
  now?: () => number;
}

export const DEFAULT_REPORT_BUDGET = { maxAttempts: 5, windowMs: 10 * 60_000, maxTracked: 10_000, pairingTtlMs: 24 * 60 * 60_000 } as const;

/**
 * Brute-force protection for verification codes: a code is a secret, so the gateway lets
 * reports through only `maxAttempts` times per window, whatever Sinch itself allows. An
 * attempt is counted BEFORE the upstream call and whatever its result, so a failing, slow or
 * aborted report still costs one attempt.
 *
 * Two budgets, both spent by a report or neither:
 * - per phone number, across methods and verifications: a report by number, and a report by
 *   the id of a verification started here for that number, both draw on it. A new start never
 *   gives it back, because Sinch applies a report by number to the newest verification OF THE
 *   REPORTED METHOD: starting a FLASH_CALL must not buy five more guesses at a pending SMS code.
 * - per verification id, for ids whose number the gateway never saw (started elsewhere).
 *
 * The rule is the same whatever the store: in this process by default, in Redis for every
 * replica (`REDIS_URL`). Phone numbers and ids reach the store's keys only as keyed digests.
 * A store that cannot count refuses (STORE_UNAVAILABLE): the budget fails closed.
 */
export class ReportAttemptBudget {
  readonly maxAttempts: number;
  readonly windowMs: number;
  readonly pairingTtlMs: number;
  readonly store: LimitStore;
  readonly #scope: string;

  constructor(options: ReportAttemptBudgetOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_REPORT_BUDGET.maxAttempts;
    this.windowMs = options.windowMs ?? DEFAULT_REPORT_BUDGET.windowMs;
    this.pairingTtlMs = options.pairingTtlMs ?? DEFAULT_REPORT_BUDGET.pairingTtlMs;
    this.store = options.store ?? new MemoryLimitStore({ maxTracked: options.maxTracked ?? DEFAULT_REPORT_BUDGET.maxTracked, now: options.now });
    this.#scope = options.scope ?? 'default';
  }

  /**
   * Fails with STORE_UNAVAILABLE when the store cannot count: a start whose pairing could not
   * be kept would let its reports by id go around the number's budget, so a start is refused
   * too, before it sends a paid message.
   */
  async assertAvailable(): Promise<void> {
    await this.store.recall(this.#key('probe'));
  }

  /**
   * Remembers the phone number of a verification just started, so that reports by its id also
   * draw on the number's budget: reporting by id and by number cannot be combined for more
   * guesses, and neither can starting again with another method.
   */
  async pair(verificationId: string, phoneNumber: string): Promise<void> {
    await this.store.remember(this.#key('pair', this.store.digest(verificationId)), this.store.digest(phoneNumber), this.pairingTtlMs);
  }

  /** Takes one attempt for a report by verification id: from the id's budget and its number's, when known. */
  async takeForId(verificationId: string): Promise<void> {
    const id = this.store.digest(verificationId);
    const number = await this.store.recall(this.#key('pair', id));
    const keys = [this.#key('id', id)];
    if (number !== undefined) keys.push(this.#key('number', number));
    await this.#take(keys);
  }

  /** Takes one attempt for a report by phone number: from the number's budget, whatever was started since. */
  async takeForNumber(phoneNumber: string): Promise<void> {
    await this.#take([this.#key('number', this.store.digest(phoneNumber))]);
  }

  /** Throws RATE_LIMITED when any key's window is spent, before counting anything. */
  async #take(keys: string[]): Promise<void> {
    const decision = await this.store.takeAttempts(keys, { maxAttempts: this.maxAttempts, windowMs: this.windowMs });
    if (decision.allowed) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new GatewayError(
      'RATE_LIMITED',
      `Too many reports for this verification: at most ${this.maxAttempts} every ${Math.round(this.windowMs / 1000)} seconds for one phone number. Try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  }

  #key(kind: string, digest = ''): string {
    return `otp:${this.#scope}:${kind}:${digest}`;
  }
}
