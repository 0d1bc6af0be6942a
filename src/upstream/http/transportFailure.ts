import { errors as undiciErrors } from 'undici';

/** How a request that got no usable HTTP answer failed, from undici's error. */
export function failureOf(error: unknown): 'TIMEOUT' | 'UNREACHABLE' | 'BAD_RESPONSE' {
  if (
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.RequestAbortedError ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
  ) {
    return 'TIMEOUT';
  }
  if (
    error instanceof undiciErrors.ResponseExceededMaxSizeError ||
    error instanceof undiciErrors.HTTPParserError ||
    error instanceof undiciErrors.HeadersOverflowError
  ) {
    // Something answered, but not with an HTTP response the gateway will read.
    return 'BAD_RESPONSE';
  }
  // ECONNREFUSED, ECONNRESET, EPIPE, UND_ERR_SOCKET, DNS failures: nothing usable came back.
  return 'UNREACHABLE';
}

/**
 * The cause kept on the error (and so in logs). An HTTP parser error carries the raw bytes
 * that failed to parse in `data`; only its name and code are kept.
 */
export function safeCause(error: unknown): unknown {
  if (error instanceof undiciErrors.HTTPParserError) {
    return new Error(`HTTP parser error${error.code ? ` ${error.code}` : ''}`);
  }
  return error;
}
