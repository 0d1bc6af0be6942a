import { verifySinchSignature } from './verifySinchSignature.js';
import type { WebhookSecretSource } from './WebhookSecretSource.js';

export type SignatureVerdict = 'VALID' | 'MISMATCH' | 'NO_SECRET';

/** How many projects' last refresh times are remembered; older ones are forgotten first. */
const MAX_TRACKED_PROJECTS = 1000;

/**
 * Checks a signature against the project's secret, and on a mismatch refreshes the secret
 * once and checks again: a rotated secret must not cost a single event. Refreshes are
 * single-flight per project and at most one per `cooldownMs`, so a stream of forged
 * requests cannot turn into a stream of calls to the Numbers API.
 */
export class SignatureChecker {
  readonly #source: WebhookSecretSource;
  readonly #cooldownMs: number;
  readonly #now: () => number;
  readonly #lastRefreshAt = new Map<string, number>();
  readonly #inFlight = new Map<string, Promise<string | undefined>>();

  constructor(source: WebhookSecretSource, cooldownMs: number, now: () => number) {
    this.#source = source;
    this.#cooldownMs = cooldownMs;
    this.#now = now;
  }

  /** Throws when the secret source fails; the caller answers 503 so that Sinch retries. */
  async check(projectId: string, rawBody: Buffer, signature: string): Promise<SignatureVerdict> {
    const secret = await this.#source.resolve(projectId);
    if (secret !== undefined && secret !== '' && verifySinchSignature(rawBody, signature, secret)) return 'VALID';
    const refreshed = await this.#refresh(projectId);
    if (refreshed === null) return secret === undefined || secret === '' ? 'NO_SECRET' : 'MISMATCH';
    if (refreshed === undefined || refreshed === '') return 'NO_SECRET';
    return verifySinchSignature(rawBody, signature, refreshed) ? 'VALID' : 'MISMATCH';
  }

  /** The refreshed secret, or null when a refresh is not allowed right now. */
  async #refresh(projectId: string): Promise<string | undefined | null> {
    const pending = this.#inFlight.get(projectId);
    if (pending !== undefined) return pending;
    const now = this.#now();
    const last = this.#lastRefreshAt.get(projectId);
    if (last !== undefined && now - last < this.#cooldownMs) return null;
    this.#lastRefreshAt.delete(projectId);
    this.#lastRefreshAt.set(projectId, now);
    if (this.#lastRefreshAt.size > MAX_TRACKED_PROJECTS) {
      const oldest = this.#lastRefreshAt.keys().next().value;
      if (oldest !== undefined) this.#lastRefreshAt.delete(oldest);
    }
    const refresh = this.#source.refresh(projectId).finally(() => this.#inFlight.delete(projectId));
    this.#inFlight.set(projectId, refresh);
    return refresh;
  }
}
