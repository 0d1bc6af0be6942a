import { describe, expect, it } from 'vitest';
import { RecentEventIds } from '../../src/webhooks/RecentEventIds.js';

describe('Numbers webhook: RecentEventIds', () => {
  it('reports a key seen before as a duplicate', () => {
    const recent = new RecentEventIds(10, 1_000);
    expect(recent.checkAndRemember('a', 0)).toBe(false);
    expect(recent.checkAndRemember('a', 10)).toBe(true);
    expect(recent.checkAndRemember('b', 20)).toBe(false);
  });

  it('forgets the least recently seen key beyond its capacity', () => {
    const recent = new RecentEventIds(2, 1_000);
    recent.checkAndRemember('a', 0);
    recent.checkAndRemember('b', 1);
    recent.checkAndRemember('a', 2);
    recent.checkAndRemember('c', 3);
    expect(recent.size).toBe(2);
    expect(recent.checkAndRemember('a', 4)).toBe(true);
    expect(recent.checkAndRemember('b', 5)).toBe(false);
  });

  it('forgets keys older than its time to live', () => {
    const recent = new RecentEventIds(10, 100);
    recent.checkAndRemember('a', 0);
    expect(recent.checkAndRemember('b', 150)).toBe(false);
    expect(recent.size).toBe(1);
    expect(recent.checkAndRemember('a', 151)).toBe(false);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RecentEventIds(0, 100)).toThrow(RangeError);
  });
});
