import { describe, expect, it } from 'vitest';
import { classifyUpstreamError } from '../../src/errors/classifyUpstreamError.js';
import type { UpstreamErrorFacts } from '../../src/errors/classifyUpstreamError.js';
import type { ErrorCode } from '../../src/errors/ErrorCode.js';

const http = (httpStatus: number, more: Partial<UpstreamErrorFacts> = {}): UpstreamErrorFacts => ({ service: 'NUMBERS', failure: 'HTTP_STATUS', httpStatus, ...more });

describe('classifyUpstreamError', () => {
  it.each<[string, UpstreamErrorFacts, ErrorCode, boolean]>([
    ['no answer in time', { service: 'NUMBERS', failure: 'TIMEOUT' }, 'UPSTREAM_TIMEOUT', true],
    ['no connection', { service: 'SIP_TRUNKING', failure: 'UNREACHABLE' }, 'UPSTREAM_UNREACHABLE', true],
    ['an unreadable answer', { service: 'VERIFICATION', failure: 'BAD_RESPONSE', httpStatus: 200 }, 'UPSTREAM_BAD_RESPONSE', false],
    ['a 301', http(301), 'UPSTREAM_BAD_RESPONSE', false],
    ['a 307', http(307), 'UPSTREAM_BAD_RESPONSE', false],
    ['a 400 INVALID_ARGUMENT', http(400, { status: 'INVALID_ARGUMENT' }), 'BAD_USER_INPUT', false],
    ['a 400 FAILED_PRECONDITION status', http(400, { status: 'FAILED_PRECONDITION' }), 'FAILED_PRECONDITION', false],
    ['a 400 failed_precondition code, any case', http(400, { upstreamCode: 'failed_precondition' }), 'FAILED_PRECONDITION', false],
    ['a 401 from the token endpoint', http(401, { service: 'AUTH' }), 'UPSTREAM_AUTH_FAILED', false],
    ['a 401 from Verification with a 403xx code', http(401, { service: 'VERIFICATION', upstreamCode: '40303' }), 'FORBIDDEN', false],
    ['a 401 from Numbers with a 403xx code', http(401, { upstreamCode: '40303' }), 'UPSTREAM_AUTH_FAILED', false],
    ['a 402', http(402, { service: 'VERIFICATION', upstreamCode: '40200' }), 'FAILED_PRECONDITION', false],
    ['a 403', http(403), 'FORBIDDEN', false],
    ['a 404', http(404), 'NOT_FOUND', false],
    ['a 408', http(408), 'UPSTREAM_TIMEOUT', true],
    ['a 409', http(409), 'CONFLICT', false],
    ['a 422 from any service', http(422, { service: 'SIP_TRUNKING' }), 'BAD_USER_INPUT', false],
    ['a 422 42200 from Verification', http(422, { service: 'VERIFICATION', upstreamCode: '42200' }), 'FAILED_PRECONDITION', false],
    ['a 429', http(429), 'RATE_LIMITED', true],
    ['a 500', http(500), 'UPSTREAM_UNAVAILABLE', true],
    ['a 501', http(501), 'UPSTREAM_UNAVAILABLE', false],
    ['a 502', http(502), 'UPSTREAM_UNAVAILABLE', true],
    ['a 503', http(503), 'UPSTREAM_UNAVAILABLE', true],
    ['a 504', http(504), 'UPSTREAM_UNAVAILABLE', true],
    ['a SIP 400 "already exists"', http(400, { service: 'SIP_TRUNKING', upstreamMessage: "Customer with id '1' already exists" }), 'CONFLICT', false],
    ['a SIP 400 "is already assigned"', http(400, { service: 'SIP_TRUNKING', upstreamMessage: 'Phone number +1 is already assigned to SIP Trunk 2' }), 'CONFLICT', false],
    ['a SIP 400 "cannot be deleted"', http(400, { service: 'SIP_TRUNKING', upstreamMessage: 'Trunk cannot be deleted while there are one or more endpoints attached' }), 'FAILED_PRECONDITION', false],
    ['a SIP 404 saying "already exists"', http(404, { service: 'SIP_TRUNKING', upstreamMessage: 'already exists' }), 'NOT_FOUND', false],
  ])('classifies %s', (_name, facts, code, retryable) => {
    expect(classifyUpstreamError(facts)).toEqual({ code, retryable });
  });
});
