import type { ErrorCode } from '../errors/ErrorCode.js';
import { classifyUpstreamError } from '../errors/classifyUpstreamError.js';
import type { UpstreamService } from './UpstreamService.js';

/**
 * How an upstream call failed. `HTTP_STATUS` means the upstream answered with a non-2xx
 * status; `REJECTED` means the gateway did not call it at all (its circuit is open, or too many
 * calls to it are already waiting: `status` says which); the other kinds mean it did not give a
 * usable answer at all.
 */
export type UpstreamFailure = 'HTTP_STATUS' | 'TIMEOUT' | 'UNREACHABLE' | 'BAD_RESPONSE' | 'REJECTED';

export interface UpstreamErrorFields {
  service: UpstreamService;
  failure: UpstreamFailure;
  /** HTTP method and route template (`GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}`), never the concrete path. */
  endpoint: string;
  httpStatus?: number;
  /** The upstream's status string (`NOT_FOUND`, `400 ParameterValidation`, `BAD_REQUEST`). */
  status?: string;
  /** The upstream's own machine code, as a string (`syntax_invalid_json`, `40001`, `404`). */
  upstreamCode?: string;
  /**
   * The upstream's human-readable message, sanitised, bounded and scrubbed of the gateway's
   * secrets and internal addresses (UpstreamTextScrubber); never a raw body. Not relayed to
   * clients for a 5xx.
   */
  upstreamMessage?: string;
  reference?: string;
  details?: unknown[];
  retryAfterSeconds?: number;
  /** The Sinch project of the request's path, for classification only (not kept on the error). */
  projectId?: string;
  cause?: unknown;
}

/**
 * The one error type of the upstream layer. Every failed call to a Sinch API, whatever its
 * envelope, becomes one of these; `src/graphql/formatError.ts` turns it into a GraphQL error.
 * Match on `code` (the public `ErrorCode`), not on the class.
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly service: UpstreamService;
  readonly failure: UpstreamFailure;
  readonly endpoint: string;
  readonly httpStatus: number | undefined;
  readonly status: string | undefined;
  readonly upstreamCode: string | undefined;
  readonly upstreamMessage: string | undefined;
  readonly reference: string | undefined;
  readonly details: unknown[];
  readonly retryAfterSeconds: number | undefined;

  constructor(fields: UpstreamErrorFields) {
    const classification = classifyUpstreamError(fields);
    super(describe(fields), fields.cause === undefined ? undefined : { cause: fields.cause });
    this.code = classification.code;
    this.retryable = classification.retryable;
    this.service = fields.service;
    this.failure = fields.failure;
    this.endpoint = fields.endpoint;
    this.httpStatus = fields.httpStatus;
    this.status = fields.status;
    this.upstreamCode = fields.upstreamCode;
    this.upstreamMessage = fields.upstreamMessage;
    this.reference = fields.reference;
    this.details = fields.details ?? [];
    this.retryAfterSeconds = fields.retryAfterSeconds;
  }
}

function describe(fields: UpstreamErrorFields): string {
  const service = SERVICE_NAMES[fields.service];
  switch (fields.failure) {
    case 'TIMEOUT':
      return `${service} did not answer in time`;
    case 'UNREACHABLE':
      return `${service} could not be reached`;
    case 'BAD_RESPONSE':
      return `${service} returned a response that is not its documented format`;
    case 'REJECTED':
      return fields.status === 'BULKHEAD_FULL'
        ? `${service} has too many calls waiting; this one was not sent`
        : `${service} is failing; the gateway stopped calling it for a while (circuit open)`;
    case 'HTTP_STATUS': {
      // A server error's text is the upstream's business (stack traces, hosts, echoed requests):
      // the client gets the gateway's own words only (docs/security.md).
      const message = fields.upstreamMessage && !isServerError(fields.httpStatus) ? `: ${fields.upstreamMessage}` : '';
      return `${service} answered ${fields.httpStatus ?? 'an error'}${message}`;
    }
  }
}

/** HTTP 5xx: the upstream's own message and details are never relayed for these. */
export function isServerError(httpStatus: number | undefined): boolean {
  return httpStatus !== undefined && httpStatus >= 500;
}

const SERVICE_NAMES: Record<UpstreamService, string> = {
  NUMBERS: 'The Sinch Numbers API',
  VERIFICATION: 'The Sinch Verification API',
  SIP_TRUNKING: 'The Sinch Elastic SIP Trunking API',
  AUTH: 'The Sinch authentication service',
};
