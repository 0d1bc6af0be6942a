import { CircuitState as PolicyState } from 'cockatiel';
import type { IBreaker } from 'cockatiel';

export interface FailureRateBreakerOptions {
  /** The sliding window the rate is measured over. */
  windowMs: number;
  /** Calls the window must hold before the rate decides anything: a quiet service never opens. */
  minimumCalls: number;
  /** The share of failed calls in the window, in (0, 1], at which the circuit opens. */
  failureRatio: number;
  /** The clock (tests). */
  now?: () => number;
}

/** The window is kept as this many buckets, so old outcomes leave it in steps of a tenth. */
const BUCKETS = 10;

interface Bucket {
  /** The bucket's slot number: `floor(time / bucketMs)`. */
  slot: number;
  failures: number;
  successes: number;
}

/**
 * Cockatiel breaker that opens when, over the last `windowMs`, at least `minimumCalls` calls
 * were counted and at least `failureRatio` of them failed. One broken resource, or one client
 * retrying the same bad call a few times, is a handful of failures among the service's other
 * answers, or too few calls to judge; a whole-service outage fails everything and opens the
 * circuit as soon as the window holds `minimumCalls`.
 *
 * Written here rather than cockatiel's `SamplingBreaker` because that one only ever advances
 * one bucket per call: after a quiet minute the outcomes of ten minutes ago are still counted,
 * so a client failing twice a minute opens the circuit over ten minutes instead of never. Its
 * minimum is also a rate (calls per second) and its threshold a strict "more than". Here every
 * bucket older than the window is dropped before counting, whatever time has passed.
 */
export class FailureRateBreaker implements IBreaker {
  private readonly bucketMs: number;
  private readonly now: () => number;
  private buckets: Bucket[] = [];

  constructor(private readonly options: FailureRateBreakerOptions) {
    if (!(options.failureRatio > 0 && options.failureRatio <= 1)) {
      throw new RangeError(`failureRatio must be in (0, 1], got ${options.failureRatio}`);
    }
    this.bucketMs = Math.max(1, Math.ceil(options.windowMs / BUCKETS));
    this.now = options.now ?? Date.now;
  }

  /** The counts of the window, for serialisation (cockatiel's `toJSON`) and tests. */
  get state(): unknown {
    return { buckets: this.buckets.map((bucket) => ({ ...bucket })) };
  }

  set state(value: unknown) {
    const buckets = (value as { buckets?: Bucket[] } | undefined)?.buckets;
    this.buckets = Array.isArray(buckets) ? buckets.map((bucket) => ({ ...bucket })) : [];
  }

  /** Calls and failures counted in the window now. */
  counts(): { calls: number; failures: number } {
    this.expire(this.slotNow());
    let calls = 0;
    let failures = 0;
    for (const bucket of this.buckets) {
      calls += bucket.failures + bucket.successes;
      failures += bucket.failures;
    }
    return { calls, failures };
  }

  success(state: PolicyState): void {
    if (state === PolicyState.HalfOpen) {
      // The probe answered: the outage is over, and what the window saw before it is history.
      this.buckets = [];
    }
    this.bucketNow().successes += 1;
  }

  failure(state: PolicyState): boolean {
    if (state === PolicyState.HalfOpen) {
      // The probe failed: open again, and judge afresh once the circuit has closed.
      this.buckets = [];
      return true;
    }
    this.bucketNow().failures += 1;
    const { calls, failures } = this.counts();
    if (calls < this.options.minimumCalls || failures < this.options.failureRatio * calls) {
      return false;
    }
    // Opening: the calls that opened the circuit must not count again once it closes.
    this.buckets = [];
    return true;
  }

  private slotNow(): number {
    return Math.floor(this.now() / this.bucketMs);
  }

  private bucketNow(): Bucket {
    const slot = this.slotNow();
    this.expire(slot);
    const last = this.buckets.at(-1);
    if (last?.slot === slot) {
      return last;
    }
    const bucket = { slot, failures: 0, successes: 0 };
    this.buckets.push(bucket);
    return bucket;
  }

  /** Drops the buckets that ended more than a window ago. */
  private expire(slot: number): void {
    const oldest = slot - BUCKETS + 1;
    let keep = 0;
    while (keep < this.buckets.length && (this.buckets[keep]?.slot ?? 0) < oldest) {
      keep += 1;
    }
    if (keep > 0) {
      this.buckets.splice(0, keep);
    }
  }
}
