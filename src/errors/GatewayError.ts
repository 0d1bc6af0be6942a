import type { ErrorCode } from './ErrorCode.js';

/**
 * An expected failure decided by the gateway itself (nothing to resubmit, a verification
 * attempt budget spent, a project the caller may not use). Its message is safe to return.
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
