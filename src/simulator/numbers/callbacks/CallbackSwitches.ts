/**
 * Test switches of callback delivery, changed with `PUT /__admin/callbacks/config`.
 * The defaults behave like Sinch: every callback is sent once, at once, and retried.
 */
export interface CallbackSwitches {
  /** false: callbacks are only logged (state DISABLED), never sent. */
  enabled: boolean;
  /** Extra copies of every callback (same eventId, same bytes, same signature). */
  duplicates: number;
  /** Wait before the first attempt of each callback. */
  delayMs: number;
  /** true: callbacks are queued (state HELD) until `POST /__admin/callbacks/release`. */
  hold: boolean;
  /** Per attempt: connect + answer must complete within this. */
  timeoutMs: number;
  /** Attempts after the first one when the receiver fails, times out or answers non-2xx. */
  maxRetries: number;
  /** Backoff before retry n is `retryBackoffMs * 2^(n-1)`. */
  retryBackoffMs: number;
}

export const DEFAULT_CALLBACK_SWITCHES: Readonly<CallbackSwitches> = {
  enabled: true,
  duplicates: 0,
  delayMs: 0,
  hold: false,
  timeoutMs: 2000,
  maxRetries: 3,
  retryBackoffMs: 200,
};

const LIMITS: Record<Exclude<keyof CallbackSwitches, 'enabled' | 'hold'>, number> = {
  duplicates: 10,
  delayMs: 60_000,
  timeoutMs: 60_000,
  maxRetries: 10,
  retryBackoffMs: 60_000,
};

/** Validates a partial update; returns the merged switches or a message. */
export function mergeCallbackSwitches(current: CallbackSwitches, update: Record<string, unknown>): CallbackSwitches | string {
  const merged: CallbackSwitches = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (key === 'enabled' || key === 'hold') {
      if (typeof value !== 'boolean') return `${key} must be a boolean`;
      merged[key] = value;
    } else if (key in LIMITS) {
      const limit = LIMITS[key as keyof typeof LIMITS];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > limit) return `${key} must be an integer from 0 to ${limit}`;
      merged[key as keyof typeof LIMITS] = value;
    } else {
      return `unknown switch "${key}"; known: ${Object.keys(DEFAULT_CALLBACK_SWITCHES).join(', ')}`;
    }
  }
  return merged;
}
