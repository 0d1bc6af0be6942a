import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src/errors/ErrorCode.js';
import { START, errorOf, startVerificationTestGateway, type VerificationTestGateway } from './verificationTestGateway.js';

interface Row {
  /** The code of seed 002's heading. */
  heading: number;
  httpStatus: number;
  /** The seed's sample body, verbatim (its defects included: 40005 → 40002, 50300 → 50500, 40303 "401"). */
  body: { status: string; errorCode: number; message: string };
  code: ErrorCode;
}

const row = (heading: number, httpStatus: number, status: string, errorCode: number, message: string, code: ErrorCode): Row => ({
  heading,
  httpStatus,
  body: { status, errorCode, message },
  code,
});

const SEED_002: Row[] = [
  row(40001, 400, '400 ParameterValidation', 40001, "Supplied SMS code invalid format / The SMS code is not valid. Maximum 10 characters. Valid characters: A-Z, a-z, 0-9, '-'", 'BAD_USER_INPUT'),
  row(40002, 400, '400 MissingParameter', 40002, 'Endpoint parameter is missing.', 'BAD_USER_INPUT'),
  row(40003, 400, '400 InvalidRequest', 40003, 'Phone number invalid', 'BAD_USER_INPUT'),
  row(40005, 400, '400 NumberMissingLeadingPlus', 40002, 'Phone number missing leading plus sign', 'BAD_USER_INPUT'),
  row(40100, 401, '401 AuthorizationHeader', 40100, 'Invalid authorization header', 'UPSTREAM_AUTH_FAILED'),
  row(40101, 401, '401 AuthorizationHeader', 40101, 'X-Timestamp required', 'UPSTREAM_AUTH_FAILED'),
  row(40102, 401, '401 InvalidSignature', 40102, 'Invalid signature', 'UPSTREAM_AUTH_FAILED'),
  row(40104, 401, '401 AuthorizationRequired', 40104, 'Authorization required', 'UPSTREAM_AUTH_FAILED'),
  row(40107, 401, '401 InvalidAuthorization', 40107, 'Invalid authorization', 'UPSTREAM_AUTH_FAILED'),
  row(40200, 402, '402 PaymentRequired', 40200, 'Not enough credit', 'FAILED_PRECONDITION'),
  row(40300, 403, '403 ForbiddenRequest', 40300, 'Seamless not available / Seamless verification not available for given destination', 'FORBIDDEN'),
  row(40303, 403, '401 RestrictedAction', 40303, 'No verification method available', 'FORBIDDEN'),
  row(40400, 404, '404 ResourceNotFound', 40400, 'Requested resource not found', 'NOT_FOUND'),
  row(40900, 409, '409 RequestConflict', 40900, 'Reference already defined', 'CONFLICT'),
  row(42200, 422, '422 ApplicationConfiguration', 42200, 'Application name has not been configured', 'FAILED_PRECONDITION'),
  row(42201, 422, '422 Unavailable', 42201, 'Destination denied', 'BAD_USER_INPUT'),
  row(42900, 429, '429 CapacityExceeded', 42900, 'Request capacity exceeded', 'RATE_LIMITED'),
  row(42901, 429, '429 VelocityConstraint', 42901, 'Cannot initiate verification to the same number too quickly', 'RATE_LIMITED'),
  row(50000, 500, '500 InternalError', 50000, 'General error; try submitting request again', 'UPSTREAM_UNAVAILABLE'),
  row(50300, 503, '503 TemporaryDown', 50500, 'Service temporarily unavailable', 'UPSTREAM_UNAVAILABLE'),
  row(50301, 503, '503 ConfigurationError', 50301, 'Server configuration error; please contact support', 'UPSTREAM_UNAVAILABLE'),
];

/**
 * Seed 002 end to end: the simulator's fault injector answers `startVerification`'s upstream
 * call with the seed's exact body and the HTTP status of its heading, over real HTTP, and the
 * gateway's GraphQL error must carry the public code and the upstream facts.
 */
describe('Verification GraphQL: every seed 002 error code, end to end', () => {
  let gateway: VerificationTestGateway;
  beforeAll(async () => {
    gateway = await startVerificationTestGateway();
  });
  beforeEach(() => gateway.admin.reset());
  afterAll(() => gateway.close());

  it.each(SEED_002)('$heading (HTTP $httpStatus) becomes $code', async ({ httpStatus, body, code }) => {
    await gateway.admin.addFault({ method: 'POST', path: '^/verification/v1/verifications$', status: httpStatus, body });
    const response = await gateway.query(START, { input: { phoneNumber: '+46701234567', method: 'SMS' } });
    expect(response.status).toBe(200);
    expect(response.body.data).toBeNull();
    const error = errorOf(response);
    expect(error.extensions).toMatchObject({
      code,
      upstream: {
        service: 'VERIFICATION',
        httpStatus,
        status: body.status,
        code: String(body.errorCode),
        // A server error's text stays in the gateway (docs/security.md).
        message: httpStatus >= 500 ? null : body.message,
      },
    });
    expect(await gateway.upstreamCalls()).toBe(1);
  });

  it('covers every code of the seed', () => {
    expect(SEED_002.map((entry) => entry.heading)).toEqual([
      40001, 40002, 40003, 40005, 40100, 40101, 40102, 40104, 40107, 40200, 40300, 40303, 40400, 40900, 42200, 42201, 42900, 42901, 50000, 50300, 50301,
    ]);
  });
});
