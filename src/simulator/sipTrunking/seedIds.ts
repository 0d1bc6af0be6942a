/**
 * Deterministic ULID-shaped ids for seeded resources: a fixed time part, a four-letter tag per
 * resource kind and a counter, all in Crockford base32 (no I, L, O, U). Resources created
 * through the API get real ULIDs from the `ulid` package.
 */
export type SeedTag = 'ENDP' | 'ACGR' | 'NETR' | 'CRED' | 'CRDN' | 'BKRS' | 'CDRS' | 'PCAP' | 'PHNE';

export function seedId(tag: SeedTag, index: number): string {
  return `01JBQ6${tag}${String(index + 1).padStart(16, '0')}`;
}

/** Seeded resources were all created at this instant, with the API's nanosecond precision. */
export const SEEDED_CREATE_TIME = '2026-10-01T08:00:00.123456789Z';
