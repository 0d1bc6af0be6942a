/** The mutations that cost money, send messages or guard a secret: each is rate limited per tenant. */
export const RATE_LIMITED_MUTATIONS = [
  'startVerification',
  'reportVerification',
  'rentNumber',
  'rentAnyNumber',
  'releaseNumber',
  'createNumberOrder',
  'submitNumberOrder',
  'resubmitFailedProvisioning',
] as const;

/** The queries that cost many upstream calls: `provisioningReport` walks every page of a project's numbers. */
export const RATE_LIMITED_QUERIES = ['provisioningReport'] as const;

/** Every rate-limited root field, mutations and queries: the keys of a tenant's `rateLimits`. */
export const RATE_LIMITED_FIELDS = [...RATE_LIMITED_MUTATIONS, ...RATE_LIMITED_QUERIES] as const;

export type RateLimitedField = (typeof RATE_LIMITED_FIELDS)[number];
/** A rate-limited root field; named for the mutations it first covered. */
export type RateLimitedMutation = RateLimitedField;

/** `requests` field executions every `perSeconds` seconds; bursts up to `requests`. */
export interface RateLimit {
  requests: number;
  perSeconds: number;
}

export type MutationRateLimits = Record<RateLimitedField, RateLimit>;

/**
 * The limits a tenant gets unless its entry in the tenants file says otherwise. Starts send a
 * paid message; reports guess at a secret code; rents, releases and orders change what is
 * billed; one bulk resubmission may send a PATCH for every failed number of a project, and one
 * provisioning report reads every page of its numbers (up to 100 list calls).
 */
export const DEFAULT_MUTATION_RATE_LIMITS: MutationRateLimits = {
  startVerification: { requests: 10, perSeconds: 60 },
  reportVerification: { requests: 5, perSeconds: 60 },
  rentNumber: { requests: 5, perSeconds: 60 },
  rentAnyNumber: { requests: 5, perSeconds: 60 },
  releaseNumber: { requests: 5, perSeconds: 60 },
  createNumberOrder: { requests: 5, perSeconds: 60 },
  submitNumberOrder: { requests: 5, perSeconds: 60 },
  resubmitFailedProvisioning: { requests: 2, perSeconds: 60 },
  provisioningReport: { requests: 2, perSeconds: 60 },
};
