import type { z } from 'zod';
import { UpstreamError } from '../../UpstreamError.js';

/**
 * Checks a 2xx body of the Numbers API against its schema (numbersResponseSchemas.ts) and
 * returns it normalised. A body that is not the documented structure fails this one call as
 * `UPSTREAM_BAD_RESPONSE`, before a resolver can stumble over it and hide it behind an
 * INTERNAL_SERVER_ERROR.
 *
 * The cause names where the body went wrong (`activeNumbers.0.phoneNumber: expected string`),
 * never what it held: zod's messages describe types, and no value is quoted (docs/errors.md,
 * "No raw bodies").
 */
export function readNumbersResponse<T>(schema: z.ZodType<T>, body: unknown, endpoint: string, httpStatus: number): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) {
    return parsed.data;
  }
  const [issue] = parsed.error.issues;
  const where = issue === undefined || issue.path.length === 0 ? 'the body' : issue.path.map(String).join('.');
  throw new UpstreamError({
    service: 'NUMBERS',
    failure: 'BAD_RESPONSE',
    endpoint,
    httpStatus,
    cause: new Error(`${httpStatus} response rejected: ${where}: ${issue?.message ?? 'not the documented shape'}`),
  });
}
