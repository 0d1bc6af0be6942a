import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ErrorCode } from '../../src/errors/ErrorCode.js';
import type { UpstreamService } from '../../src/upstream/UpstreamService.js';
import { expectUpstreamError, startErrorHarness } from './upstreamErrorHarness.js';
import type { ErrorHarness, ErrorTableRow } from './upstreamErrorHarness.js';

/**
 * Seed 004 (a peer platform's HTTP status taxonomy): every status in the Azure-style envelope
 * `{"error":{"code":"BadRequest","message":...}}`, through each Sinch service, to show the HTTP
 * status alone decides the family whatever the envelope.
 */
const STATUSES: Array<[httpStatus: number, upstreamCode: string, message: string, code: ErrorCode, retryable: boolean]> = [
  [400, 'BadRequest', "The request received couldn't be understood by the service.", 'BAD_USER_INPUT', false],
  [401, 'Unauthorized', "The request couldn't be authenticated.", 'UPSTREAM_AUTH_FAILED', false],
  [403, 'Forbidden', 'The request was authorized, but has insufficient permissions to carry out this operation.', 'FORBIDDEN', false],
  [404, 'NotFound', "The resource or endpoint you're trying to access doesn't exist.", 'NOT_FOUND', false],
  [422, 'UnprocessableEntity', "The body of the request couldn't be validated. Is it valid JSON?", 'BAD_USER_INPUT', false],
  [429, 'TooManyRequests', 'The number of requests exceeded some limits places on this operation. Try again later.', 'RATE_LIMITED', true],
  [500, 'InternalServerError', 'An internal error occurred.', 'UPSTREAM_UNAVAILABLE', true],
];

const SERVICES: UpstreamService[] = ['NUMBERS', 'VERIFICATION', 'SIP_TRUNKING'];

const ROWS: ErrorTableRow[] = SERVICES.flatMap((service) =>
  STATUSES.map(([httpStatus, upstreamCode, message, code, retryable]) => ({
    name: `${httpStatus} ${upstreamCode} from ${service}`,
    service,
    httpStatus,
    body: { error: { code: upstreamCode, message, target: 'request', details: [] } },
    expected: { code, retryable, httpStatus, upstreamCode, upstreamMessage: message },
  })),
);

describe('UpstreamHttpClient: status taxonomy (seed 004)', () => {
  let harness: ErrorHarness;
  beforeAll(async () => {
    harness = await startErrorHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it.each(ROWS)('maps $name', async (row) => {
    const error = await harness.errorFor(row.service, { status: row.httpStatus, body: row.body });
    expectUpstreamError(error, row);
  });
});
