import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LimitStore } from '../../src/store/LimitStore.js';
import { LIMIT_STORES, type TestLimitStore } from '../support/testStore.js';

const WINDOW = { maxAttempts: 3, windowMs: 60_000 };

describe.each(LIMIT_STORES)('Limit store ($kind): one contract for both stores', ({ open }) => {
  let opened: TestLimitStore;
  let store: LimitStore;
  beforeAll(async () => {
    opened = await open();
    store = opened.store;
  });
  afterAll(() => opened.close());

  it('takes maxAttempts from a window, then refuses with the time left in it', async () => {
    for (let attempt = 0; attempt < 3; attempt++) expect(await store.takeAttempts(['w1'], WINDOW)).toEqual({ allowed: true });
    const refused = await store.takeAttempts(['w1'], WINDOW);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(50_000);
  });

  it('takes from every key or from none', async () => {
    for (let attempt = 0; attempt < 3; attempt++) await store.takeAttempts(['spent'], WINDOW);
    expect((await store.takeAttempts(['fresh', 'spent'], WINDOW)).allowed).toBe(false);
    for (let attempt = 0; attempt < 3; attempt++) expect(await store.takeAttempts(['fresh'], WINDOW)).toEqual({ allowed: true });
    expect((await store.takeAttempts(['fresh'], WINDOW)).allowed).toBe(false);
  });

  it('counts concurrent takes exactly: 20 at once on a window of 3 let 3 through', async () => {
    const decisions = await Promise.all(Array.from({ length: 20 }, () => store.takeAttempts(['race', 'race-2'], WINDOW)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
  });

  it('opens a new window once the old one has passed', async () => {
    const short = { maxAttempts: 1, windowMs: 200 };
    await store.takeAttempts(['short'], short);
    expect((await store.takeAttempts(['short'], short)).allowed).toBe(false);
    await delay(300);
    expect((await store.takeAttempts(['short'], short)).allowed).toBe(true);
  });

  it('lets a token bucket burst to its capacity, then refuses with the time to the next token', async () => {
    const bucket = { capacity: 2, refillPerMs: 2 / 60_000 };
    expect(await store.takeToken('b1', bucket)).toEqual({ allowed: true });
    expect(await store.takeToken('b1', bucket)).toEqual({ allowed: true });
    const refused = await store.takeToken('b1', bucket);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(25_000);
    expect(await store.takeToken('b2', bucket)).toEqual({ allowed: true });
  });

  it('gives exactly capacity tokens to 20 concurrent takes', async () => {
    const bucket = { capacity: 3, refillPerMs: 3 / 3_600_000 };
    const decisions = await Promise.all(Array.from({ length: 20 }, () => store.takeToken('bucket-race', bucket)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
  });

  it('refills a bucket at its rate', async () => {
    const bucket = { capacity: 1, refillPerMs: 1 / 200 };
    await store.takeToken('refill', bucket);
    expect((await store.takeToken('refill', bucket)).allowed).toBe(false);
    await delay(300);
    expect((await store.takeToken('refill', bucket)).allowed).toBe(true);
  });

  it('remembers a value until its time is up', async () => {
    await store.remember('pair', 'value', 200);
    expect(await store.recall('pair')).toBe('value');
    expect(await store.recall('never')).toBeUndefined();
    await delay(300);
    expect(await store.recall('pair')).toBeUndefined();
  });

  it('digests a value the same way every time, with nothing of the value in clear', () => {
    const digest = store.digest('+46701234567');
    expect(digest).toBe(store.digest('+46701234567'));
    expect(digest).not.toBe(store.digest('+46701234568'));
    expect(digest).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(digest).not.toContain('4670123');
  });
});
