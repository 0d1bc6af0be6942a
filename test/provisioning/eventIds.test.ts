import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { newUlid } from '../../src/provisioning/eventIds.js';

describe('newUlid: event ids from a pooled CSPRNG', () => {
  it('gives valid lowercase ULIDs of the current millisecond, all different, past many refills of the pool', () => {
    const before = Date.now();
    const ids = Array.from({ length: 5_000 }, () => newUlid());
    const after = Date.now();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toBe(id.toLowerCase());
      expect(isValid(id.toUpperCase())).toBe(true);
      const time = decodeTime(id.toUpperCase());
      expect(time).toBeGreaterThanOrEqual(before);
      expect(time).toBeLessThanOrEqual(after);
    }
  });

  it('spreads the random part over the whole alphabet (a stuck or short pool would not)', () => {
    const seen = new Set(Array.from({ length: 2_000 }, () => newUlid().slice(10)).join(''));
    // Crockford's base 32, lowercase: 32 characters.
    expect(seen.size).toBe(32);
  });
});
