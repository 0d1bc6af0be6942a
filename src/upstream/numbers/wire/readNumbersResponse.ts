import type { z } from 'zod';
import { UpstreamError } from '../../UpstreamError.js';
import { InPlaceReader } from './InPlaceReader.js';

/**
 * Checks a 2xx body of the Numbers API against its documented structure and returns it
 * normalised: the hot shapes with a hand-written in-place reader (activeNumberReaders.ts), the
 * rarely used endpoints with their zod schema (numbersResponseSchemas.ts). A body that is not
 * the documented structure fails this one call as `UPSTREAM_BAD_RESPONSE`, before a resolver can
 * stumble over it and hide it behind an INTERNAL_SERVER_ERROR.
 *
 * The cause names where the body went wrong (`activeNumbers.0.phoneNumber: expected string`),
 * never what it held: both readers describe types, and no value is quoted (docs/errors.md,
 * "No raw bodies").
 */
export function readNumbersResponse<T>(reader: z.ZodType<T> | InPlaceReader<T>, body: unknown, endpoint: string, httpStatus: number): T {
  if (reader instanceof InPlaceReader) {
    const fault = reader.findFault(body);
    if (fault === undefined) {
      return body as T;
    }
    throw badResponse(endpoint, httpStatus, fault.path === '' ? 'the body' : fault.path, fault.problem);
  }
  const parsed = reader.safeParse(body);
  if (parsed.success) {
    return parsed.data;
  }
  const [issue] = parsed.error.issues;
  const where = issue === undefined || issue.path.length === 0 ? 'the body' : issue.path.map(String).join('.');
  throw badResponse(endpoint, httpStatus, where, issue?.message ?? 'not the documented shape');
}

function badResponse(endpoint: string, httpStatus: number, where: string, problem: string): UpstreamError {
  return new UpstreamError({
    service: 'NUMBERS',
    failure: 'BAD_RESPONSE',
    endpoint,
    httpStatus,
    cause: new Error(`${httpStatus} response rejected: ${where}: ${problem}`),
  });
}
