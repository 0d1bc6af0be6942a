/**
 * The public error codes of the gateway: every GraphQL error it returns carries one of these
 * in `extensions.code`. The codes are the API; the classes that produce them are internal.
 *
 * The SDL enum `ErrorCode` (schema/common.graphql) and docs/errors.md list the same values; a
 * test keeps the three in sync.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'The request is invalid: a malformed argument, an ID or phone number that fails its pattern, or input the upstream API rejected as invalid.',
  FAILED_PRECONDITION: 'The request is valid but the resource is not in a state that allows it (nothing failed to resubmit, not enough credit, missing documentation).',
  UNAUTHENTICATED: 'The caller of the gateway did not present valid gateway credentials.',
  FORBIDDEN: 'The upstream API, or the gateway, refused the operation for these credentials or this resource.',
  NOT_FOUND: 'The resource does not exist in the upstream API.',
  CONFLICT: 'The resource already exists or is already attached where the request tried to attach it.',
  RATE_LIMITED: 'The upstream API, or the gateway, is rate limiting these requests; `retryAfterSeconds` says when to try again when known.',
  UPSTREAM_AUTH_FAILED: "Sinch refused the gateway's own credentials. This is an operator problem, not the end user's.",
  UPSTREAM_MISCONFIGURED: 'Sinch does not know the project the gateway is configured with, or the API is not enabled for it. An operator problem, never an empty answer.',
  UPSTREAM_UNAVAILABLE: 'The upstream API answered with a server error (500, 502, 503, 504) or its circuit is open.',
  UPSTREAM_TIMEOUT: 'The upstream API did not answer in time.',
  UPSTREAM_UNREACHABLE: 'The upstream API could not be reached: connection refused or reset.',
  UPSTREAM_BAD_RESPONSE: 'The upstream API answered with something that is not its documented response (garbage, wrong content type, a redirect, a body over the size cap).',
  INTERNAL_SERVER_ERROR: 'An unexpected error inside the gateway. Details are logged, never returned.',
  PERSISTED_QUERY_HASH_MISMATCH: 'An automatic persisted query was sent with a sha256Hash that is not the SHA-256 of its query (HTTP 400).',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_VALUES = Object.keys(ERROR_CODES) as ErrorCode[];
