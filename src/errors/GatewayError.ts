import type { ErrorCode } from './ErrorCode.js';

/**
 * An expected failure decided by the gateway itself (nothing to resubmit, a verification
 * attempt budget spent, a project the caller may not use). Its message is safe to return.
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    // Apollo Server reads `extensions.http` of a thrown error to set the status of the whole
    // response, before formatError runs: a partial result must stay HTTP 200, so it is dropped.
    const { http: _http, ...rest } = extensions;
    this.extensions = rest;
  }
}
