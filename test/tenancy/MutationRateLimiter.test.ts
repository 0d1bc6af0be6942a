import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors/GatewayError.js';
import type { Caller } from '../../src/tenancy/Caller.js';
import { DEFAULT_MUTATION_RATE_LIMITS } from '../../src/tenancy/MutationRateLimits.js';
import { MemoryLimitStore } from '../../src/store/MemoryLimitStore.js';
import { MutationRateLimiter } from '../../src/tenancy/MutationRateLimiter.js';

function caller(tenantId: string, rateLimits = { ...DEFAULT_MUTATION_RATE_LIMITS, rentNumber: { requests: 2, perSeconds: 60 } }): Caller {
  return { tenantId, defaultProjectId: 'p', projectIds: new Set(['p']), rateLimits, clientsFor: () => { throw new Error('not used'); } };
}

async function refusal(action: () => Promise<void>): Promise<GatewayError | undefined> {
  try {
    await action();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  return undefined;
}

describe('MutationRateLimiter: a token bucket per tenant and mutation', async () => {
  it('allows a burst up to the limit, then refuses with RATE_LIMITED and the seconds until the next token', async () => {
    let now = 0;
    const limiter = new MutationRateLimiter(new MemoryLimitStore({ now: () => now }));
    const acme = caller('acme');
    await limiter.take(acme, 'rentNumber');
    await limiter.take(acme, 'rentNumber');
    const refused = await refusal(() => limiter.take(acme, 'rentNumber'));
    expect(refused?.code).toBe('RATE_LIMITED');
    expect(refused?.extensions).toEqual({ retryAfterSeconds: 30 });
    now = 10_000;
    expect((await refusal(() => limiter.take(acme, 'rentNumber')))?.extensions).toEqual({ retryAfterSeconds: 20 });
    now = 30_000;
    expect(await refusal(() => limiter.take(acme, 'rentNumber'))).toBeUndefined();
  });

  it('refills at the sustained rate and never above the limit', async () => {
    let now = 0;
    const limiter = new MutationRateLimiter(new MemoryLimitStore({ now: () => now }));
    const acme = caller('acme');
    await limiter.take(acme, 'rentNumber');
    now = 3_600_000;
    await limiter.take(acme, 'rentNumber');
    await limiter.take(acme, 'rentNumber');
    expect(await refusal(() => limiter.take(acme, 'rentNumber'))).toBeDefined();
  });

  it('keeps separate buckets per tenant and per mutation', async () => {
    const limiter = new MutationRateLimiter(new MemoryLimitStore({ now: () => 0 }));
    const acme = caller('acme');
    await limiter.take(acme, 'rentNumber');
    await limiter.take(acme, 'rentNumber');
    expect(await refusal(() => limiter.take(caller('globex'), 'rentNumber'))).toBeUndefined();
    expect(await refusal(() => limiter.take(acme, 'rentAnyNumber'))).toBeUndefined();
  });

  it('does not limit a caller without limits (GATEWAY_AUTH=none)', async () => {
    const limiter = new MutationRateLimiter(new MemoryLimitStore({ now: () => 0 }));
    const unlimited: Caller = { ...caller('default'), rateLimits: undefined };
    for (let call = 0; call < 100; call++) await limiter.take(unlimited, 'rentAnyNumber');
  });
});
