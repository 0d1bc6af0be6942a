/** Why a subscription was refused (`extensions.reason` of its RATE_LIMITED error). */
export type SubscriptionRefusalReason = 'SUBSCRIPTIONS_PER_CONNECTION' | 'SUBSCRIPTIONS_PER_TENANT' | 'SUBSCRIPTION_RATE';

export type SubscriptionAdmission =
  | { admitted: true; release: () => void }
  | { admitted: false; reason: SubscriptionRefusalReason; limit: number; retryAfterSeconds?: number };

/**
 * Admits subscription starts per tenant. An interface so that the in-process counts below can
 * be replaced by shared ones (all replicas counting together) without touching the server.
 */
export interface SubscriptionLimiter {
  /** One more subscription of `tenantId`: refused past the start rate or the tenant's cap. */
  admit(tenantId: string): SubscriptionAdmission;
}

export interface SubscriptionLimits {
  /** Subscriptions open at once on one WebSocket (checked by the subscription server). */
  perConnection: number;
  /** Subscriptions open at once for one tenant, over all its connections. */
  perTenant: number;
  /** Subscription starts per tenant per minute (a token bucket: bursts up to this many). */
  startsPerMinute: number;
}

interface TenantState {
  open: number;
  tokens: number;
  updatedAt: number;
}

/**
 * Per-tenant caps and start rate in this process: with N replicas a tenant may hold N times the
 * cap (docs/security.md). Every start costs one token, admitted or not by the cap, so a client
 * that opens and closes subscriptions in a loop is slowed down too; a start refused by the rate
 * costs nothing. Memory is bounded by the tenants, which come from a file.
 */
export class InProcessSubscriptionLimiter implements SubscriptionLimiter {
  readonly #tenants = new Map<string, TenantState>();

  constructor(
    private readonly limits: SubscriptionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  admit(tenantId: string): SubscriptionAdmission {
    const now = this.now();
    const { perTenant, startsPerMinute } = this.limits;
    const ratePerMs = startsPerMinute / 60_000;
    const state = this.#tenants.get(tenantId) ?? { open: 0, tokens: startsPerMinute, updatedAt: now };
    this.#tenants.set(tenantId, state);
    state.tokens = Math.min(startsPerMinute, state.tokens + (now - state.updatedAt) * ratePerMs);
    state.updatedAt = now;
    if (state.tokens < 1) {
      return { admitted: false, reason: 'SUBSCRIPTION_RATE', limit: startsPerMinute, retryAfterSeconds: Math.max(1, Math.ceil((1 - state.tokens) / ratePerMs / 1000)) };
    }
    state.tokens -= 1;
    if (state.open >= perTenant) return { admitted: false, reason: 'SUBSCRIPTIONS_PER_TENANT', limit: perTenant };
    state.open += 1;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        state.open -= 1;
      },
    };
  }
}
