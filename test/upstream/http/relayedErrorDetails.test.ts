import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../../../src/upstream/http/parseErrorBody.js';
import { relayedErrorDetails } from '../../../src/upstream/http/relayedErrorDetails.js';

describe('relayedErrorDetails: documented google.rpc types, documented fields', () => {
  it('keeps ResourceInfo, BadRequest, ErrorInfo, QuotaFailure and RetryInfo with their documented fields only', () => {
    expect(
      relayedErrorDetails([
        { type: 'ResourceInfo', resourceType: 'ActiveNumber', resourceName: '+12015555555', owner: '', description: 'gone', extra: 'x' },
        { type: 'BadRequest', fieldViolations: [{ field: 'to', description: 'not E.164', stack: 'at x' }, 'junk'], debug: true },
        { type: 'ErrorInfo', reason: 'DESTINATION_BLOCKED', domain: 'sinch.voice', metadata: { authorization: 'Bearer x' }, metaData: { a: 'b' } },
        { type: 'QuotaFailure', violations: [{ subject: 'CPS', description: 'too many', internal: 'db01' }] },
        { type: 'RetryInfo', retryDelay: '30s' },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: { seconds: 5, nanos: 0, more: 1 } },
      ]),
    ).toStrictEqual([
      { type: 'ResourceInfo', resourceType: 'ActiveNumber', resourceName: '+12015555555', owner: '', description: 'gone' },
      { type: 'BadRequest', fieldViolations: [{ field: 'to', description: 'not E.164' }] },
      { type: 'ErrorInfo', reason: 'DESTINATION_BLOCKED', domain: 'sinch.voice' },
      { type: 'QuotaFailure', violations: [{ subject: 'CPS', description: 'too many' }] },
      { type: 'RetryInfo', retryDelay: '30s' },
      { type: 'RetryInfo', retryDelay: { seconds: 5, nanos: 0 } },
    ]);
  });

  it('drops DebugInfo, RequestInfo, Help, LocalizedMessage, unknown types, untyped objects and non-objects', () => {
    expect(
      relayedErrorDetails([
        { type: 'DebugInfo', stackEntries: ['at Server.handle (/srv/app.js:1:1)'], detail: 'Bearer abc' },
        { '@type': 'type.googleapis.com/google.rpc.DebugInfo', stackEntries: [] },
        { type: 'RequestInfo', requestId: 'r1', servingData: 'GET /v1 Authorization: Bearer abc' },
        { type: 'Help', links: [{ url: 'http://10.0.0.1/admin' }] },
        { type: 'LocalizedMessage', message: 'x' },
        { type: 'constructor' },
        { type: '__proto__' },
        { resourceType: 'x' },
        'ResourceInfo',
        null,
        [{ type: 'ResourceInfo' }],
      ]),
    ).toStrictEqual([]);
  });

  it('drops fields of the wrong type and a RetryInfo whose delay is not a duration', () => {
    expect(
      relayedErrorDetails([
        { type: 'ResourceInfo', resourceType: 7, resourceName: { nested: 'x' }, description: 'd' },
        { type: 'BadRequest', fieldViolations: 'to is wrong' },
        { type: 'RetryInfo', retryDelay: 'soon, see http://10.0.0.1' },
        { type: 'RetryInfo', retryDelay: { seconds: 'x' } },
      ]),
    ).toStrictEqual([{ type: 'ResourceInfo', description: 'd' }, { type: 'BadRequest', fieldViolations: [] }]);
  });

  it('is what parseErrorBody keeps, with control characters removed from every string', () => {
    const body = JSON.stringify({ error: { code: 400, details: [{ type: 'BadRequest', fieldViolations: [{ field: 'to\r\nforged', description: 'd' }] }, { type: 'DebugInfo', detail: 'x' }] } });
    expect(parseErrorBody(body).details).toStrictEqual([{ type: 'BadRequest', fieldViolations: [{ field: 'to forged', description: 'd' }] }]);
  });
});
