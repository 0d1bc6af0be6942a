import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors/GatewayError.js';
import { ReportAttemptBudget } from '../../../src/upstream/verification/ReportAttemptBudget.js';

function clock(start = 1_000_000) {
  const time = { now: start };
  return { time, now: () => time.now };
}

function rejection(take: () => void): GatewayError {
  try {
    take();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected the budget to refuse');
}

describe('Verification: report attempt budget', () => {
  it('allows maxAttempts reports per key and window, then answers RATE_LIMITED with retryAfterSeconds', () => {
    const { time, now } = clock();
    const budget = new ReportAttemptBudget({ maxAttempts: 3, windowMs: 60_000, now });
    for (let attempt = 0; attempt < 3; attempt++) budget.take('id:a');
    time.now += 15_000;
    const error = rejection(() => budget.take('id:a'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.extensions).toEqual({ retryAfterSeconds: 45 });
  });

  it('counts each key on its own', () => {
    const budget = new ReportAttemptBudget({ maxAttempts: 1 });
    budget.take('id:a');
    expect(() => budget.take('id:b')).not.toThrow();
    expect(() => budget.take('id:a')).toThrow(GatewayError);
  });

  it('opens a new window once the old one has passed', () => {
    const { time, now } = clock();
    const budget = new ReportAttemptBudget({ maxAttempts: 1, windowMs: 1_000, now });
    budget.take('id:a');
    time.now += 1_000;
    expect(() => budget.take('id:a')).not.toThrow();
  });

  it('keeps memory bounded: at most maxTracked keys, expired windows dropped first', () => {
    const { time, now } = clock();
    const budget = new ReportAttemptBudget({ maxAttempts: 1, windowMs: 1_000, maxTracked: 3, now });
    budget.take('old');
    time.now += 2_000;
    budget.take('a');
    budget.take('b');
    budget.take('c');
    expect(budget.size).toBe(3);
    // 'old' had expired and went first; the live windows a, b, c are all still enforced.
    for (const key of ['a', 'b', 'c']) expect(() => budget.take(key)).toThrow(GatewayError);
    for (let index = 0; index < 100; index++) budget.take(`flood-${index}`);
    expect(budget.size).toBe(3);
  });

  it('defaults to 5 reports per 10 minutes', () => {
    const budget = new ReportAttemptBudget();
    expect([budget.maxAttempts, budget.windowMs]).toEqual([5, 600_000]);
  });
});
