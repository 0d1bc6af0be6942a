import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors/ErrorCode.js';
import { captureUpstreamError, expectUpstreamError, startErrorHarness } from './upstreamErrorHarness.js';
import type { ErrorHarness, ErrorTableRow } from './upstreamErrorHarness.js';

/**
 * Seed 003 (Elastic SIP Trunking errors): every message of every status, in the envelope
 * `{code,status,message,details}`, bare and wrapped in `{"error":...}` (REFERENCE 6.5: which
 * one production uses is not confirmed). The messages keep the seed's `$placeholders`.
 */
const BAD_REQUEST: Array<[message: string, code: ErrorCode]> = [
  ['The provided domain name is unavailable', 'CONFLICT'],
  ['The provided username is unavailable', 'CONFLICT'],
  ["Customer with id '$id' already exists", 'CONFLICT'],
  ["Phone Number '$phoneNumber' already exists", 'CONFLICT'],
  // About another project than the request's (see the project describe below): the caller's.
  ["Project with id '$id' is not enabled", 'FAILED_PRECONDITION'],
  ["Project with id '$id' already exists", 'CONFLICT'],
  ['$parent cannot be deleted while there are one or more ${child}s attached', 'FAILED_PRECONDITION'],
  ['$child cannot be deleted while attached to a $parent', 'FAILED_PRECONDITION'],
  ['Invalid timestamp format, must match $CALL_RECORD_TIME_STAMP_FORMAT', 'BAD_USER_INPUT'],
  ["Access control list with id '$aclId' is already added to trunk '$trunkId'", 'CONFLICT'],
  ["Credential list with id '$clId' is already added to trunk '$trunkId'", 'CONFLICT'],
  ['Access Control Lists must contain at least one IP Range', 'BAD_USER_INPUT'],
  ['Credential Lists must contain at least one Credential', 'BAD_USER_INPUT'],
  ['Cannot delete SIP Trunk $trunkId when there are phone numbers assigned.', 'FAILED_PRECONDITION'],
  ["Credential '$username' is already being used by a SIP Endpoint on SIP Trunk '$trunkId'", 'CONFLICT'],
  ['Phone number $number is already assigned to SIP Trunk $trunkId', 'CONFLICT'],
  ['Blocking rule already exists with the same parameters', 'CONFLICT'],
  ['Invalid $fieldName: $countryCode. Must be a valid ISO 3166-1 alpha-2 code.', 'BAD_USER_INPUT'],
  ['Invalid direction type: $direction. Must be INBOUND or OUTBOUND.', 'BAD_USER_INPUT'],
  ['Direction field cannot be null or empty', 'BAD_USER_INPUT'],
];

const NOT_FOUND = [
  "Could not find SIP Trunk with id '$id'",
  "Could not find SIP Trunk with domain '$domain'",
  "Could not find SIP Endpoint with id '$id'",
  "Could not find phone number with id '$id'",
  "Could not find phone number '$number'",
  "Could not find Customer with id '$id'",
  "Could not find project config with key '$key'",
  "Could not find Access Control List with id '$id'",
  "Could not find IP Range with id '$id' in access control list with id '$aclId'",
  "Access control list '$aclId' is not associated with trunk '$trunk'",
  "Could not find Credential List with id '$id'",
  "Could not find Credential with username '$username'",
  "Could not find call ID '$callId'",
  'BlockingRule with ID $id not found for project $projectId',
  "Export '$key' could not be found. Check this is the correct key name, if so, it may still be processing.",
];

interface SipMessage {
  httpStatus: number;
  status: string;
  /** The seed lists 403 FORBIDDEN without any message. */
  message: string | undefined;
  code: ErrorCode;
  retryable: boolean;
}

const MESSAGES: SipMessage[] = [
  ...BAD_REQUEST.map(([message, code]) => ({ httpStatus: 400, status: 'BAD_REQUEST', message, code, retryable: false })),
  { httpStatus: 403, status: 'FORBIDDEN', message: undefined, code: 'FORBIDDEN', retryable: false },
  ...NOT_FOUND.map((message) => ({ httpStatus: 404, status: 'NOT_FOUND', message, code: 'NOT_FOUND' as const, retryable: false })),
  { httpStatus: 404, status: 'NOT_FOUND', message: "Could not find Project with id '$id'", code: 'NOT_FOUND', retryable: false },
  { httpStatus: 500, status: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error', code: 'UPSTREAM_UNAVAILABLE', retryable: true },
];

const rowOf = (entry: SipMessage, wrapped: boolean): ErrorTableRow => {
  const envelope = { code: entry.httpStatus, status: entry.status, ...(entry.message === undefined ? {} : { message: entry.message }), details: [] };
  return {
    name: `${entry.httpStatus} ${entry.status} "${entry.message ?? ''}" ${wrapped ? 'wrapped in error' : 'bare'}`,
    service: 'SIP_TRUNKING',
    httpStatus: entry.httpStatus,
    body: wrapped ? { error: envelope } : envelope,
    expected: {
      code: entry.code,
      retryable: entry.retryable,
      httpStatus: entry.httpStatus,
      status: entry.status,
      upstreamCode: String(entry.httpStatus),
      upstreamMessage: entry.message,
    },
  };
};

describe('UpstreamHttpClient: Elastic SIP Trunking error mapping (seed 003)', () => {
  let harness: ErrorHarness;
  beforeAll(async () => {
    harness = await startErrorHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it.each([...MESSAGES.map((entry) => rowOf(entry, false)), ...MESSAGES.map((entry) => rowOf(entry, true))])('maps $name', async (row) => {
    const error = await harness.errorFor(row.service, { status: row.httpStatus, body: row.body });
    expectUpstreamError(error, row);
  });

  it('keeps the typed details of the REFERENCE 6.5 envelope and takes the reference from its RequestInfo, which is not relayed', async () => {
    const details = [
      { type: 'BadRequest', fieldViolations: [{ field: 'to', description: 'Phone number was not in the expected format.' }] },
      { type: 'RequestInfo', requestId: '01HZX5N7M3R8Q0V2W4Y6A8C0E2', data: '' },
    ];
    const error = await harness.errorFor('SIP_TRUNKING', { status: 400, body: { code: 400, status: 'INVALID_ARGUMENT', message: 'Bad request.', details } });
    expect([error.code, error.reference]).toEqual(['BAD_USER_INPUT', '01HZX5N7M3R8Q0V2W4Y6A8C0E2']);
    expect(error.details).toEqual([details[0]]);
  });

  it('maps a 409 to CONFLICT and a 400 VALIDATION_FAILED to BAD_USER_INPUT', async () => {
    const conflict = await harness.errorFor('SIP_TRUNKING', { status: 409, body: { code: 409, status: 'ALREADY_EXISTS', message: 'exists' } });
    const invalid = await harness.errorFor('SIP_TRUNKING', { status: 400, body: { code: 400, status: 'VALIDATION_FAILED', message: 'name: must not be blank' } });
    expect([conflict.code, invalid.code]).toEqual(['CONFLICT', 'BAD_USER_INPUT']);
  });

  it('reads conflict wording only from the SIP API: a Numbers 400 saying "already exists" stays BAD_USER_INPUT', async () => {
    const error = await harness.errorFor('NUMBERS', { status: 400, body: { code: 'INVALID_ARGUMENT', text: 'Blocking rule already exists with the same parameters' } });
    expect(error.code).toBe('BAD_USER_INPUT');
  });
});

describe('UpstreamHttpClient: Elastic SIP Trunking says the project itself is unknown', () => {
  let harness: ErrorHarness;
  beforeAll(async () => {
    harness = await startErrorHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  const errorFor = async (httpStatus: number, status: string, message: string) => {
    harness.server.enqueue({ status: httpStatus, body: { code: httpStatus, status, message, details: [] } });
    return captureUpstreamError(harness.client('SIP_TRUNKING').request({ method: 'GET', path: '/v1/projects/project-1/trunks', route: '/v1/projects/{projectId}/trunks' }));
  };

  it.each([
    [404, 'NOT_FOUND', "Could not find Project with id 'project-1'"],
    [400, 'BAD_REQUEST', "Project with id 'project-1' is not enabled"],
  ])('maps %i "%s" about the project of the path to UPSTREAM_MISCONFIGURED', async (httpStatus, status, message) => {
    const error = await errorFor(httpStatus, status, message);
    expect([error.code, error.retryable, error.httpStatus, error.upstreamMessage]).toEqual(['UPSTREAM_MISCONFIGURED', false, httpStatus, message]);
  });

  it.each([
    [404, 'NOT_FOUND', "Could not find Project with id 'project-2'", 'NOT_FOUND'],
    [400, 'BAD_REQUEST', "Project with id 'project-2' is not enabled", 'FAILED_PRECONDITION'],
  ])('maps %i "%s" about another project (one the caller named) to %s', async (httpStatus, status, message, code) => {
    expect((await errorFor(httpStatus, status, message)).code).toBe(code);
  });
});
