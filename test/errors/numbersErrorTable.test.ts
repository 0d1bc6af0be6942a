import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors/ErrorCode.js';
import { expectUpstreamError, startErrorHarness } from './upstreamErrorHarness.js';
import type { ErrorHarness, ErrorTableRow } from './upstreamErrorHarness.js';

/**
 * Seed 001 (Numbers API HTTP status codes): every status and reason, each served in both
 * documented envelopes, `{"error":{code,message,status,details}}` and `{code,text}`.
 */
interface NumbersReason {
  httpStatus: number;
  reason: string;
  message: string;
  code: ErrorCode;
  retryable: boolean;
}

const REASONS: NumbersReason[] = [
  { httpStatus: 400, reason: 'syntax_constraint_violation', message: "The request body doesn't fulfill all of the constraints set by the API.", code: 'BAD_USER_INPUT', retryable: false },
  { httpStatus: 400, reason: 'syntax_invalid_json', message: "The JSON in the request is invalid or doesn't conform to the API specification.", code: 'BAD_USER_INPUT', retryable: false },
  { httpStatus: 400, reason: 'syntax_invalid_parameter_format', message: 'The format of a field value is invalid.', code: 'BAD_USER_INPUT', retryable: false },
  { httpStatus: 400, reason: 'INVALID_ARGUMENT', message: 'parsing field "type": "XXX" is not a valid value', code: 'BAD_USER_INPUT', retryable: false },
  { httpStatus: 400, reason: 'FAILED_PRECONDITION', message: 'The project does not have enough credit to activate a number.', code: 'FAILED_PRECONDITION', retryable: false },
  { httpStatus: 401, reason: 'UNAUTHENTICATED', message: 'Authentication token is invalid.', code: 'UPSTREAM_AUTH_FAILED', retryable: false },
  { httpStatus: 403, reason: 'blocked_account', message: 'Your account has been blocked.', code: 'FORBIDDEN', retryable: false },
  { httpStatus: 403, reason: 'illegal_number_type', message: 'Illegal phone number type of MSISDN for a chosen region was used.', code: 'FORBIDDEN', retryable: false },
  { httpStatus: 403, reason: 'unknown_campaign', message: "The campaign ID doesn't match the specified originator.", code: 'FORBIDDEN', retryable: false },
  { httpStatus: 403, reason: 'PERMISSION_DENIED', message: '', code: 'FORBIDDEN', retryable: false },
  { httpStatus: 404, reason: 'NOT_FOUND', message: 'The path is invalid or no resource exists with the given ID.', code: 'NOT_FOUND', retryable: false },
  // 405 and 415 mean the gateway built a request the API does not take: a gateway defect.
  { httpStatus: 405, reason: 'METHOD_NOT_ALLOWED', message: 'The path is valid but not for this method.', code: 'INTERNAL_SERVER_ERROR', retryable: false },
  { httpStatus: 415, reason: 'UNSUPPORTED_MEDIA_TYPE', message: 'The Content-Type header is missing or unsupported.', code: 'INTERNAL_SERVER_ERROR', retryable: false },
  { httpStatus: 429, reason: 'RESOURCE_EXHAUSTED', message: 'The user or path has too many outstanding requests.', code: 'RATE_LIMITED', retryable: true },
  { httpStatus: 500, reason: 'INTERNAL', message: "An unexpected internal error occurred and the request wasn't processed.", code: 'UPSTREAM_UNAVAILABLE', retryable: true },
  { httpStatus: 503, reason: 'UNAVAILABLE', message: 'The service is unable to perform the request at this point.', code: 'UPSTREAM_UNAVAILABLE', retryable: true },
];

const retryAfterOf = (reason: NumbersReason) => (reason.httpStatus === 429 ? { headers: { 'retry-after': '7' } } : {});

const GOOGLE_RPC_ROWS: ErrorTableRow[] = REASONS.map((reason) => ({
  name: `${reason.httpStatus} ${reason.reason} in {"error":{code,message,status,details}}`,
  service: 'NUMBERS',
  httpStatus: reason.httpStatus,
  body: { error: { code: reason.httpStatus, message: reason.message, status: reason.reason, details: [] } },
  ...retryAfterOf(reason),
  expected: {
    code: reason.code,
    retryable: reason.retryable,
    httpStatus: reason.httpStatus,
    status: reason.reason,
    upstreamCode: String(reason.httpStatus),
    // An empty message (the seed's PERMISSION_DENIED sample) is no message.
    upstreamMessage: reason.message === '' ? undefined : reason.message,
    retryAfterSeconds: reason.httpStatus === 429 ? 7 : undefined,
  },
}));

const CODE_TEXT_ROWS: ErrorTableRow[] = REASONS.map((reason) => ({
  name: `${reason.httpStatus} ${reason.reason} in {code,text}`,
  service: 'NUMBERS',
  httpStatus: reason.httpStatus,
  // The seed's own sample text ends with a space; it is trimmed.
  body: { code: reason.reason, text: `${reason.message} ` },
  ...retryAfterOf(reason),
  expected: {
    code: reason.code,
    retryable: reason.retryable,
    httpStatus: reason.httpStatus,
    upstreamCode: reason.reason,
    upstreamMessage: reason.message === '' ? undefined : reason.message,
    retryAfterSeconds: reason.httpStatus === 429 ? 7 : undefined,
  },
}));

describe('UpstreamHttpClient: Numbers error mapping (seed 001)', () => {
  let harness: ErrorHarness;
  beforeAll(async () => {
    harness = await startErrorHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it.each([...GOOGLE_RPC_ROWS, ...CODE_TEXT_ROWS])('maps $name', async (row) => {
    const error = await harness.errorFor(row.service, { status: row.httpStatus, body: row.body, headers: row.headers });
    expectUpstreamError(error, row);
  });

  it('maps the seed sample 400 INVALID_ARGUMENT body byte for byte', async () => {
    const body = '{\n   "error": {\n     "code": 400,\n     "message": "parsing field \\"type\\": \\"XXX\\" is not a valid value",\n     "status": "INVALID_ARGUMENT",\n     "details": [ ]\n   }\n}';
    const error = await harness.errorFor('NUMBERS', { status: 400, body, headers: { 'content-type': 'application/json' } });
    expect([error.code, error.status, error.upstreamMessage]).toEqual(['BAD_USER_INPUT', 'INVALID_ARGUMENT', 'parsing field "type": "XXX" is not a valid value']);
  });

  it('keeps the ResourceInfo details of a 404 (REFERENCE 4.7)', async () => {
    const details = [{ type: 'ResourceInfo', resourceType: 'ActiveNumber', resourceName: '+12015555555', owner: '', description: '' }];
    const error = await harness.errorFor('NUMBERS', { status: 404, body: { error: { code: 404, message: '', status: 'NOT_FOUND', details } } });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toEqual(details);
  });

  it('takes the reference from a RequestInfo detail', async () => {
    const details = [{ type: 'RequestInfo', requestId: 'req-4c1e', data: '' }];
    const error = await harness.errorFor('NUMBERS', { status: 500, body: { error: { code: 500, message: 'boom', status: 'INTERNAL', details } } });
    expect([error.code, error.reference]).toEqual(['UPSTREAM_UNAVAILABLE', 'req-4c1e']);
  });

  it('maps a 403 trial-account PERMISSION_DENIED with a message to FORBIDDEN', async () => {
    const body = { error: { code: 403, message: 'Trial account is not enabled to rent number', status: 'PERMISSION_DENIED', details: [{ type: 'ResourceInfo', resourceType: 'AvailableNumber' }] } };
    const error = await harness.errorFor('NUMBERS', { status: 403, body });
    expect([error.code, error.upstreamMessage]).toEqual(['FORBIDDEN', 'Trial account is not enabled to rent number']);
  });

  it('maps a 429 with an HTTP-date Retry-After to RATE_LIMITED with the seconds until then', async () => {
    const retryAt = new Date(Date.now() + 120_000).toUTCString();
    const error = await harness.errorFor('NUMBERS', { status: 429, headers: { 'retry-after': retryAt }, body: '' });
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it('maps a 429 without Retry-After to RATE_LIMITED with no retryAfterSeconds', async () => {
    const error = await harness.errorFor('NUMBERS', { status: 429, body: { error: { code: 429, message: '', status: 'RESOURCE_EXHAUSTED' } } });
    expect([error.code, error.retryAfterSeconds]).toEqual(['RATE_LIMITED', undefined]);
  });

  it('maps a 409 to CONFLICT', async () => {
    const error = await harness.errorFor('NUMBERS', { status: 409, body: { error: { code: 409, message: 'Number already rented', status: 'ALREADY_EXISTS' } } });
    expect([error.code, error.retryable]).toEqual(['CONFLICT', false]);
  });

  it('maps a 413 CONTENT_TOO_LARGE to BAD_USER_INPUT', async () => {
    const error = await harness.errorFor('NUMBERS', { status: 413, body: { error: { code: 413, message: 'too large', status: 'CONTENT_TOO_LARGE' } } });
    expect(error.code).toBe('BAD_USER_INPUT');
  });
});
