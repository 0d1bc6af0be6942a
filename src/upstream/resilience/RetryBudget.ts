export interface RetryBudgetOptions {
  /** Tokens when full; retries are allowed while more than half remain. */
  maxTokens?: number;
  /** Tokens an answered attempt gives back. */
  tokenRatio?: number;
}

/**
 * Retry throttling of one service (gRPC's `retryThrottling`, A6 in the gRPC proposals): every
 * failed attempt takes a token, every answered one gives back a tenth, and a retry is allowed
 * only while more than half of the tokens remain. While the service answers, a transient 503
 * is retried as usual; once it fails everything, retries stop after a handful, so an outage
 * costs it about one call per request until the circuit opens, instead of three.
 */
export class RetryBudget {
  private readonly maxTokens: number;
  private readonly tokenRatio: number;
  private tokens: number;

  constructor(options: RetryBudgetOptions = {}) {
    this.maxTokens = options.maxTokens ?? 10;
    this.tokenRatio = options.tokenRatio ?? 0.1;
    this.tokens = this.maxTokens;
  }

  /** An attempt failed in a way that would be retried (a 429, 502, 503, 504, a reset connection). */
  recordFailure(): void {
    this.tokens = Math.max(0, this.tokens - 1);
  }

  /** An attempt got an answer the gateway uses. */
  recordSuccess(): void {
    // Rounded to thousandths: ten answers give back exactly one token, not 0.9999999999999999.
    this.tokens = Math.min(this.maxTokens, Math.round((this.tokens + this.tokenRatio) * 1000) / 1000);
  }

  get allowsRetry(): boolean {
    return this.tokens > this.maxTokens / 2;
  }
}
