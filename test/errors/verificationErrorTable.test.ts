import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors/ErrorCode.js';
import { expectUpstreamError, startErrorHarness } from './upstreamErrorHarness.js';
import type { ErrorHarness, ErrorTableRow } from './upstreamErrorHarness.js';

/**
 * Seed 002 (Verification API errors): every errorCode with its sample body exactly as the seed
 * prints it, served with the HTTP status of the seed's heading. The seed's own defects stay in:
 * the 40005 sample carries errorCode 40002, the 50300 sample carries 50500, and the 40303
 * sample's status string says 401 although it is listed under 403.
 */
interface VerificationSample {
  /** The code of the seed's heading. */
  heading: number;
  httpStatus: number;
  body: { status: string; errorCode: number; message: string };
  code: ErrorCode;
  retryable: boolean;
}

const sample = (heading: number, httpStatus: number, status: string, errorCode: number, message: string, code: ErrorCode, retryable = false): VerificationSample => ({
  heading,
  httpStatus,
  body: { status, errorCode, message },
  code,
  retryable,
});

const SAMPLES: VerificationSample[] = [
  sample(40001, 400, '400 ParameterValidation', 40001, "Supplied SMS code invalid format / The SMS code is not valid. Maximum 10 characters. Valid characters: A-Z, a-z, 0-9, '-'", 'BAD_USER_INPUT'),
  sample(40002, 400, '400 MissingParameter', 40002, 'Endpoint parameter is missing.', 'BAD_USER_INPUT'),
  sample(40003, 400, '400 InvalidRequest', 40003, 'Phone number invalid', 'BAD_USER_INPUT'),
  sample(40005, 400, '400 NumberMissingLeadingPlus', 40002, 'Phone number missing leading plus sign', 'BAD_USER_INPUT'),
  sample(40100, 401, '401 AuthorizationHeader', 40100, 'Invalid authorization header', 'UPSTREAM_AUTH_FAILED'),
  sample(40101, 401, '401 AuthorizationHeader', 40101, 'X-Timestamp required', 'UPSTREAM_AUTH_FAILED'),
  sample(40102, 401, '401 InvalidSignature', 40102, 'Invalid signature', 'UPSTREAM_AUTH_FAILED'),
  sample(40104, 401, '401 AuthorizationRequired', 40104, 'Authorization required', 'UPSTREAM_AUTH_FAILED'),
  sample(40107, 401, '401 InvalidAuthorization', 40107, 'Invalid authorization', 'UPSTREAM_AUTH_FAILED'),
  sample(40200, 402, '402 PaymentRequired', 40200, 'Not enough credit', 'FAILED_PRECONDITION'),
  sample(40300, 403, '403 ForbiddenRequest', 40300, 'Seamless not available / Seamless verification not available for given destination', 'FORBIDDEN'),
  sample(40303, 403, '401 RestrictedAction', 40303, 'No verification method available', 'FORBIDDEN'),
  sample(40400, 404, '404 ResourceNotFound', 40400, 'Requested resource not found', 'NOT_FOUND'),
  sample(40900, 409, '409 RequestConflict', 40900, 'Reference already defined', 'CONFLICT'),
  sample(42200, 422, '422 ApplicationConfiguration', 42200, 'Application name has not been configured', 'FAILED_PRECONDITION'),
  sample(42201, 422, '422 Unavailable', 42201, 'Destination denied', 'BAD_USER_INPUT'),
  sample(42900, 429, '429 CapacityExceeded', 42900, 'Request capacity exceeded', 'RATE_LIMITED', true),
  sample(42901, 429, '429 VelocityConstraint', 42901, 'Cannot initiate verification to the same number too quickly', 'RATE_LIMITED', true),
  sample(50000, 500, '500 InternalError', 50000, 'General error; try submitting request again', 'UPSTREAM_UNAVAILABLE', true),
  sample(50300, 503, '503 TemporaryDown', 50500, 'Service temporarily unavailable', 'UPSTREAM_UNAVAILABLE', true),
  sample(50301, 503, '503 ConfigurationError', 50301, 'Server configuration error; please contact support', 'UPSTREAM_UNAVAILABLE', false),
];

const rowOf = (entry: VerificationSample, errorCodeAs: 'number' | 'string'): ErrorTableRow => ({
  name: `${entry.heading} (HTTP ${entry.httpStatus}, errorCode as a ${errorCodeAs})`,
  service: 'VERIFICATION',
  httpStatus: entry.httpStatus,
  body: errorCodeAs === 'number' ? entry.body : { ...entry.body, errorCode: String(entry.body.errorCode) },
  expected: {
    code: entry.code,
    retryable: entry.retryable,
    httpStatus: entry.httpStatus,
    status: entry.body.status,
    // What the body says, even where the seed's sample disagrees with its heading.
    upstreamCode: String(entry.body.errorCode),
    upstreamMessage: entry.body.message,
  },
});

describe('UpstreamHttpClient: Verification error mapping (seed 002)', () => {
  let harness: ErrorHarness;
  beforeAll(async () => {
    harness = await startErrorHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it.each([...SAMPLES.map((entry) => rowOf(entry, 'number')), ...SAMPLES.map((entry) => rowOf(entry, 'string'))])('maps $name', async (row) => {
    const error = await harness.errorFor(row.service, { status: row.httpStatus, body: row.body });
    expectUpstreamError(error, row);
  });

  it('classifies the 40303 sample as FORBIDDEN even when served with the 401 its status string claims', async () => {
    const body = { status: '401 RestrictedAction', errorCode: 40303, message: 'No verification method available' };
    const error = await harness.errorFor('VERIFICATION', { status: 401, body });
    expect([error.code, error.httpStatus, error.upstreamCode]).toEqual(['FORBIDDEN', 401, '40303']);
  });

  it('classifies by HTTP status first: the 40005 sample carrying 40002 is BAD_USER_INPUT, the 50300 sample carrying 50500 is UPSTREAM_UNAVAILABLE', async () => {
    const badInput = await harness.errorFor('VERIFICATION', { status: 400, body: { status: '400 NumberMissingLeadingPlus', errorCode: 40002, message: 'x' } });
    const unavailable = await harness.errorFor('VERIFICATION', { status: 503, body: { status: '503 TemporaryDown', errorCode: 50500, message: 'y' } });
    expect([badInput.code, unavailable.code]).toEqual(['BAD_USER_INPUT', 'UPSTREAM_UNAVAILABLE']);
  });

  it('keeps the reference of the REFERENCE 5.9 envelope (no status string)', async () => {
    const body = { errorCode: 40400, message: 'Requested resource was not found.', reference: 'a2028355-2b4d-4c37-9c3e-0123456789ab' };
    const error = await harness.errorFor('VERIFICATION', { status: 404, body });
    expect([error.code, error.status, error.upstreamCode, error.reference]).toEqual(['NOT_FOUND', undefined, '40400', 'a2028355-2b4d-4c37-9c3e-0123456789ab']);
  });

  it('maps a 429 with Retry-After to RATE_LIMITED with retryAfterSeconds', async () => {
    const body = { status: '429 VelocityConstraint', errorCode: 42901, message: 'Cannot initiate verification to the same number too quickly' };
    const error = await harness.errorFor('VERIFICATION', { status: 429, headers: { 'retry-after': '30' }, body });
    expect([error.code, error.retryable, error.retryAfterSeconds]).toEqual(['RATE_LIMITED', true, 30]);
  });
});
