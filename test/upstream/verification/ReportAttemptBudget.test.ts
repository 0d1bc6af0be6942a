import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors/GatewayError.js';
import { MemoryLimitStore } from '../../../src/store/MemoryLimitStore.js';
import { ReportAttemptBudget } from '../../../src/upstream/verification/ReportAttemptBudget.js';

function clock(start = 1_000_000) {
  const time = { now: start };
  return { time, now: () => time.now };
}

async function rejection(take: () => Promise<void>): Promise<GatewayError> {
  try {
    await take();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected the budget to refuse');
}

const NUMBER = '+46701234567';

describe('Verification: report attempt budget', () => {
  it('allows maxAttempts reports per number and window, then answers RATE_LIMITED with retryAfterSeconds', async () => {
    const { time, now } = clock();
    const budget = new ReportAttemptBudget({ maxAttempts: 3, windowMs: 60_000, now });
    for (let attempt = 0; attempt < 3; attempt++) await budget.takeForNumber(NUMBER);
    time.now += 15_000;
    const error = await rejection(() => budget.takeForNumber(NUMBER));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.extensions).toEqual({ retryAfterSeconds: 45 });
  });

  it('counts each number and each unpaired id on its own', async () => {
    const budget = new ReportAttemptBudget({ maxAttempts: 1 });
    await budget.takeForId('a');
    await budget.takeForId('b');
    await budget.takeForNumber(NUMBER);
    await budget.takeForNumber('+46701230000');
    await expect(budget.takeForId('a')).rejects.toBeInstanceOf(GatewayError);
    await expect(budget.takeForNumber(NUMBER)).rejects.toBeInstanceOf(GatewayError);
  });

  it('draws a report by the id of a verification started for a number on that number\'s budget too', async () => {
    const budget = new ReportAttemptBudget({ maxAttempts: 2 });
    await budget.pair('sms-1', NUMBER);
    await budget.pair('flash-1', NUMBER);
    await budget.takeForId('sms-1');
    await budget.takeForNumber(NUMBER);
    // The number's two attempts are spent: neither verification of it may be reported again.
    await expect(budget.takeForId('flash-1')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(budget.takeForNumber(NUMBER)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('spends nothing when one of the two budgets refuses', async () => {
    const budget = new ReportAttemptBudget({ maxAttempts: 1 });
    await budget.takeForNumber(NUMBER);
    await budget.pair('fresh', NUMBER);
    await expect(budget.takeForId('fresh')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // The refused report took nothing from the id's own budget.
    await budget.pair('fresh', '+46701230000');
    await expect(budget.takeForId('fresh')).resolves.toBeUndefined();
  });

  it('forgets a pairing after pairingTtlMs, and opens a new window once the old one has passed', async () => {
    const { time, now } = clock();
    const budget = new ReportAttemptBudget({ maxAttempts: 1, windowMs: 1_000, pairingTtlMs: 5_000, now });
    await budget.pair('v', NUMBER);
    await budget.takeForNumber(NUMBER);
    await expect(budget.takeForId('v')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    time.now += 1_000;
    await budget.takeForId('v');
    time.now += 5_000;
    await budget.takeForNumber(NUMBER);
    // The pairing is gone: the id's report no longer reaches the spent number budget.
    await expect(budget.takeForId('v')).resolves.toBeUndefined();
  });

  it('keeps separate budgets per scope on one store', async () => {
    const store = new MemoryLimitStore();
    const tenantA = new ReportAttemptBudget({ maxAttempts: 1, store, scope: 'a:p' });
    const tenantB = new ReportAttemptBudget({ maxAttempts: 1, store, scope: 'b:p' });
    await tenantA.takeForNumber(NUMBER);
    await expect(tenantB.takeForNumber(NUMBER)).resolves.toBeUndefined();
    await expect(tenantA.takeForNumber(NUMBER)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('keeps memory bounded in process: at most maxTracked keys, expired windows dropped first', async () => {
    const { time, now } = clock();
    const store = new MemoryLimitStore({ maxTracked: 3, now });
    const budget = new ReportAttemptBudget({ maxAttempts: 1, windowMs: 1_000, store });
    await budget.takeForId('old');
    time.now += 2_000;
    for (const id of ['a', 'b', 'c']) await budget.takeForId(id);
    expect(store.size).toBe(3);
    for (const id of ['a', 'b', 'c']) await expect(budget.takeForId(id)).rejects.toBeInstanceOf(GatewayError);
    for (let index = 0; index < 100; index++) await budget.takeForId(`flood-${index}`);
    expect(store.size).toBe(3);
  });

  it('defaults to 5 reports per 10 minutes, pairings kept for 24 hours', () => {
    const budget = new ReportAttemptBudget();
    expect([budget.maxAttempts, budget.windowMs, budget.pairingTtlMs]).toEqual([5, 600_000, 86_400_000]);
  });
});
