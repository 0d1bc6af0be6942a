import type { ErrorCode } from './ErrorCode.js';

export interface UpstreamErrorFacts {
  service: 'NUMBERS' | 'VERIFICATION' | 'SIP_TRUNKING' | 'AUTH';
  failure: 'HTTP_STATUS' | 'TIMEOUT' | 'UNREACHABLE' | 'BAD_RESPONSE' | 'REJECTED';
  httpStatus?: number;
  status?: string;
  upstreamCode?: string;
  upstreamMessage?: string;
  /** The Sinch project the request acted on (the `/v1/projects/{projectId}` of its path), when it names one. */
  projectId?: string;
}

export interface Classification {
  code: ErrorCode;
  /** Whether sending the same request again later may succeed. */
  retryable: boolean;
}

/**
 * Classifies an upstream failure: by HTTP status first, then refined by the upstream's own
 * code. The seed documents sometimes disagree with themselves (a 40303 sample whose status
 * string says 401, a 50300 sample carrying errorCode 50500), so the HTTP status decides the
 * family and the code only refines within what it can prove.
 */
export function classifyUpstreamError(facts: UpstreamErrorFacts): Classification {
  switch (facts.failure) {
    case 'TIMEOUT':
      return { code: 'UPSTREAM_TIMEOUT', retryable: true };
    case 'UNREACHABLE':
      return { code: 'UPSTREAM_UNREACHABLE', retryable: true };
    case 'BAD_RESPONSE':
      return { code: 'UPSTREAM_BAD_RESPONSE', retryable: false };
    case 'REJECTED':
      // Shed by the gateway's circuit breaker or bulkhead: nothing was sent, so trying later is safe.
      return { code: 'UPSTREAM_UNAVAILABLE', retryable: true };
    case 'HTTP_STATUS':
      return classifyHttpStatus(facts);
  }
}

function classifyHttpStatus(facts: UpstreamErrorFacts): Classification {
  const httpStatus = facts.httpStatus ?? 0;
  const status = (facts.status ?? '').toUpperCase();
  const upstreamCode = (facts.upstreamCode ?? '').toUpperCase();
  const message = facts.upstreamMessage ?? '';

  if (httpStatus >= 300 && httpStatus < 400) {
    // Redirects are never followed: a redirect is not a documented answer of any Sinch API.
    return { code: 'UPSTREAM_BAD_RESPONSE', retryable: false };
  }
  if (httpStatus === 401) {
    // A restricted-action code sent with the wrong HTTP status (seed 002's 40303 sample) is
    // still a permission problem, not a credential one.
    if (facts.service === 'VERIFICATION' && upstreamCode.startsWith('403')) {
      return { code: 'FORBIDDEN', retryable: false };
    }
    // Never UNAUTHENTICATED: that code tells a client to log its user out, and here it was the
    // gateway's own Sinch credentials that were refused.
    return { code: 'UPSTREAM_AUTH_FAILED', retryable: false };
  }
  if (httpStatus === 402) {
    return { code: 'FAILED_PRECONDITION', retryable: false };
  }
  if (httpStatus === 403) {
    return { code: 'FORBIDDEN', retryable: false };
  }
  if (facts.service === 'SIP_TRUNKING' && isConfiguredProjectUnknown(message, facts.projectId)) {
    // The project the gateway acts on is unknown to the API, or not enabled for it: the
    // gateway's configuration, never "no such resource" (which a lookup would turn into null).
    return { code: 'UPSTREAM_MISCONFIGURED', retryable: false };
  }
  if (httpStatus === 404) {
    return { code: 'NOT_FOUND', retryable: false };
  }
  if (httpStatus === 408) {
    // The upstream gave up waiting for the request: a timeout on its side, not bad input.
    return { code: 'UPSTREAM_TIMEOUT', retryable: true };
  }
  if (httpStatus === 409) {
    return { code: 'CONFLICT', retryable: false };
  }
  if (httpStatus === 429) {
    return { code: 'RATE_LIMITED', retryable: true };
  }
  if (httpStatus >= 500) {
    // Verification's 50301 "Server configuration error; please contact support" is a 503 that
    // no retry fixes (docs/resilience.md, the retry table).
    const permanent = httpStatus === 501 || (facts.service === 'VERIFICATION' && upstreamCode === '50301');
    return { code: 'UPSTREAM_UNAVAILABLE', retryable: !permanent };
  }
  if (httpStatus === 405 || httpStatus === 415) {
    // The gateway built a request the upstream does not accept: a gateway defect.
    return { code: 'INTERNAL_SERVER_ERROR', retryable: false };
  }
  if (status === 'FAILED_PRECONDITION' || upstreamCode === 'FAILED_PRECONDITION') {
    return { code: 'FAILED_PRECONDITION', retryable: false };
  }
  if (facts.service === 'VERIFICATION' && upstreamCode === '42200') {
    return { code: 'FAILED_PRECONDITION', retryable: false };
  }
  if (facts.service === 'SIP_TRUNKING') {
    if (SIP_CONFLICT_MESSAGE.test(message)) {
      return { code: 'CONFLICT', retryable: false };
    }
    if (SIP_PRECONDITION_MESSAGE.test(message)) {
      return { code: 'FAILED_PRECONDITION', retryable: false };
    }
  }
  return { code: 'BAD_USER_INPUT', retryable: false };
}

/** Seed 003: 404 "Could not find Project with id '$id'", 400 "Project with id '$id' is not enabled". */
const SIP_UNKNOWN_PROJECT_MESSAGE = /^(?:Could not find Project with id '([^']*)'|Project with id '([^']*)' is not enabled\b)/i;

/**
 * Whether the message says that the project in the request's path is unknown or not enabled.
 * The same message about another project (one named in `addSipTrunkingProjects`' input) is the
 * caller's `NOT_FOUND` or precondition, not the gateway's configuration.
 */
function isConfiguredProjectUnknown(message: string, projectId: string | undefined): boolean {
  const match = SIP_UNKNOWN_PROJECT_MESSAGE.exec(message);
  return match !== null && projectId !== undefined && (match[1] ?? match[2]) === projectId;
}
/** Seed 003: "... already exists", "... is already assigned to ...", "... is already added to ...", "... is already being used ...", "The provided domain name is unavailable". */
const SIP_CONFLICT_MESSAGE = /\balready (exists|assigned|added|being used)\b|\bis unavailable\b/i;
/** Seed 003: deletes blocked by dependents, projects that are not enabled. */
const SIP_PRECONDITION_MESSAGE = /\bcannot be deleted\b|\bCannot delete\b|\bis not enabled\b/i;
