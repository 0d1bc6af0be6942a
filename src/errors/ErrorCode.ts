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
  STORE_UNAVAILABLE:
    'The shared store (Redis) that holds the limits of every replica is unreachable: an operation that must be limited (a verification start or report, a rate-limited mutation) is refused, with nothing sent to Sinch.',
  INTERNAL_SERVER_ERROR: 'An unexpected error inside the gateway. Details are logged, never returned.',
  GRAPHQL_PARSE_FAILED: 'The document does not parse (HTTP 400), including a document over the token limit (GRAPHQL_MAX_TOKENS, with limit and found). Nothing ran.',
  GRAPHQL_VALIDATION_FAILED: 'The document does not validate against the schema, or breaks a query limit (depth, cost, aliases, directives, one reportVerification; reason, limit, found), or introspects while introspection is off (HTTP 400). Nothing ran.',
  BAD_REQUEST: 'The HTTP request itself is malformed (HTTP 400, 405, 413, 415): no query, a body that is not JSON or too large, a mutation over GET, a missing CSRF-prevention header, a batch (batching is off), a subscription sent as a query over WebSocket. Nothing ran.',
  OPERATION_RESOLUTION_FAILURE: 'The request names an operation the document does not hold, or names none in a document of several (HTTP 400). Nothing ran.',
  PERSISTED_QUERY_NOT_FOUND: "Automatic persisted queries: the hash is not known to this gateway yet (HTTP 200, no data). Apollo Client's persisted-queries link then sends the document with its hash.",
  PERSISTED_QUERY_NOT_SUPPORTED: "Automatic persisted queries are off (HTTP 200, no data). Apollo Server's code: the gateway keeps APQ on without a manifest, and with only trusted documents refuses a hash before Apollo sees it (PERSISTED_QUERY_NOT_IN_LIST), so a client meets it only if that changes; it is listed so that the enum holds every code Apollo can send.",
  PERSISTED_QUERY_NOT_IN_LIST: 'The id (documentId or extensions.persistedQuery.sha256Hash) names no operation of the trusted-documents manifest (HTTP 400); also an APQ registration while only trusted documents run.',
  QUERY_NOT_IN_SAFELIST: 'Only the trusted-documents manifest runs here and the document sent is not one of its operations, or is not the operation of the id sent with it (HTTP 400).',
  PERSISTED_QUERY_HASH_MISMATCH: 'An automatic persisted query was sent with a sha256Hash that is not the SHA-256 of its query (HTTP 400).',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_VALUES = Object.keys(ERROR_CODES) as ErrorCode[];
