import { UpstreamError } from '../UpstreamError.js';

/** Whether the Numbers API answered 404: for a lookup by phone number, "not yours / not available". */
export function isNotFound(error: unknown): boolean {
  return error instanceof UpstreamError && error.code === 'NOT_FOUND';
}
