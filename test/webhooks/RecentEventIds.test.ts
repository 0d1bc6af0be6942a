import { describe, expect, it } from 'vitest';
import { RecentEventIds } from '../../src/webhooks/RecentEventIds.js';

describe('Numbers webhook: RecentEventIds', () => {
  const clock = () => {
    const state = { now: 1_000_000 };
    return { state, now: () => state.now };
  };

  it('remembers a key until its own expiry, not a fixed time after it was seen', () => {
    const { state, now } = clock();
    const recent = new RecentEventIds(10, now);
    recent.remember('short', state.now + 100);
    recent.remember('long', state.now + 86_400_000);
    expect(recent.has('short')).toBe(true);
    state.now += 101;
    expect(recent.has('short')).toBe(false);
    state.now += 86_000_000;
    expect(recent.has('long')).toBe(true);
    state.now += 400_000;
    expect(recent.has('long')).toBe(false);
  });

  it('forgets the least recently seen key beyond its capacity', () => {
    const { state, now } = clock();
    const recent = new RecentEventIds(2, now);
    const until = state.now + 1_000;
    recent.remember('a', until);
    recent.remember('b', until);
    expect(recent.has('a')).toBe(true);
    recent.remember('c', until);
    expect(recent.size).toBe(2);
    expect(recent.has('a')).toBe(true);
    expect(recent.has('b')).toBe(false);
    expect(recent.has('c')).toBe(true);
  });

  it('remembers nothing for an expiry already past', () => {
    const { state, now } = clock();
    const recent = new RecentEventIds(10, now);
    recent.remember('a', state.now - 1);
    expect(recent.has('a')).toBe(false);
    expect(recent.size).toBe(0);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RecentEventIds(0)).toThrow(RangeError);
  });
});
