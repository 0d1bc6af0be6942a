import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamHttpClient } from '../../../src/upstream/http/UpstreamHttpClient.js';
import type { UpstreamCallEvent } from '../../../src/upstream/http/UpstreamHttpClient.js';
import { captureUpstreamError, observed } from '../../errors/upstreamErrorHarness.js';
import { startFaultServer } from '../../support/faultServer.js';
import type { FaultServer } from '../../support/faultServer.js';

const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n';

describe('UpstreamHttpClient: responses', () => {
  let server: FaultServer;
  let client: UpstreamHttpClient;
  const calls: UpstreamCallEvent[] = [];

  beforeAll(async () => {
    server = await startFaultServer();
    client = new UpstreamHttpClient({ service: 'NUMBERS', origin: server.origin, onCall: (event) => calls.push(event) });
  });
  afterEach(() => {
    server.reset();
    calls.length = 0;
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  const get = () => client.request({ method: 'GET', path: '/v1/projects/p/activeNumbers', route: '/v1/projects/{projectId}/activeNumbers' });

  describe('2xx', () => {
    it('parses a JSON body', async () => {
      server.enqueue({ status: 200, body: { activeNumbers: [], nextPageToken: '' } });
      await expect(get()).resolves.toMatchObject({ statusCode: 200, body: { activeNumbers: [], nextPageToken: '' } });
    });

    it('returns undefined for a 204 and for a 200 with an empty body', async () => {
      server.enqueue({ status: 204 }, { status: 200, body: '' });
      expect((await get()).body).toBeUndefined();
      expect((await get()).body).toBeUndefined();
    });

    it('accepts a JSON body without a Content-Type and with a +json type', async () => {
      server.enqueue({ status: 200, body: '{"a":1}' }, { status: 201, headers: { 'content-type': 'application/problem+json; charset=utf-8' }, body: '{"a":2}' });
      expect((await get()).body).toEqual({ a: 1 });
      expect((await get()).body).toEqual({ a: 2 });
    });

    it.each([
      ['garbage labelled as JSON', 'application/json', '\u0000\u00ff{not json'],
      ['an HTML page', 'text/html', '<html><body>Maintenance</body></html>'],
      ['valid JSON with a wrong Content-Type', 'text/plain', '{"activeNumbers":[]}'],
      ['truncated JSON', 'application/json', '{"activeNumbers":[{"phoneNumber":"+1202'],
    ])('maps %s to UPSTREAM_BAD_RESPONSE', async (_name, contentType, body) => {
      server.enqueue({ status: 200, headers: { 'content-type': contentType }, body });
      const error = await captureUpstreamError(get());
      expect(observed(error)).toStrictEqual({
        code: 'UPSTREAM_BAD_RESPONSE',
        retryable: false,
        httpStatus: 200,
        status: undefined,
        upstreamCode: undefined,
        upstreamMessage: undefined,
        reference: undefined,
        retryAfterSeconds: undefined,
      });
      expect(error.message).toBe('The Sinch Numbers API returned a response that is not its documented format');
    });
  });

  describe('errors without a JSON envelope', () => {
    it.each([
      [502, 'an nginx HTML page', { 'content-type': 'text/html' }, NGINX_502, 'UPSTREAM_UNAVAILABLE', true],
      [504, 'an empty body', {}, '', 'UPSTREAM_UNAVAILABLE', true],
      [400, 'plain text', { 'content-type': 'text/plain' }, 'Bad Request', 'BAD_USER_INPUT', false],
      [404, 'a JSON array', { 'content-type': 'application/json' }, '["not","an","envelope"]', 'NOT_FOUND', false],
      [403, 'a JSON string', { 'content-type': 'application/json' }, '"forbidden"', 'FORBIDDEN', false],
      [401, 'an empty body', {}, '', 'UPSTREAM_AUTH_FAILED', false],
      [503, 'broken JSON', { 'content-type': 'application/json' }, '{"error":{"code":503,', 'UPSTREAM_UNAVAILABLE', true],
      [501, 'an empty body', {}, '', 'UPSTREAM_UNAVAILABLE', false],
      [408, 'an empty body', {}, '', 'UPSTREAM_TIMEOUT', true],
    ] as const)('maps a %i with %s by its status alone', async (status, _name, headers, body, code, retryable) => {
      server.enqueue({ status, headers, body });
      const error = await captureUpstreamError(get());
      expect(observed(error)).toStrictEqual({
        code,
        retryable,
        httpStatus: status,
        status: undefined,
        upstreamCode: undefined,
        upstreamMessage: undefined,
        reference: undefined,
        retryAfterSeconds: undefined,
      });
      expect(error.message).toBe(`The Sinch Numbers API answered ${status}`);
    });
  });

  describe('requests', () => {
    it('sends method, path, repeated query keys, JSON body and headers', async () => {
      server.enqueue({ status: 200, body: {} });
      await client.request({
        method: 'PATCH',
        path: '/v1/projects/p/activeNumbers/+12025550134',
        route: '/v1/projects/{projectId}/activeNumbers/{phoneNumber}',
        query: { types: ['MOBILE', 'LOCAL'], pageSize: 10, skip: undefined, none: null, flag: true },
        json: { displayName: 'Desk' },
        headers: { 'x-request-id': 'req-1' },
      });
      const [request] = server.requests;
      expect(request).toMatchObject({
        method: 'PATCH',
        path: '/v1/projects/p/activeNumbers/+12025550134?types=MOBILE&types=LOCAL&pageSize=10&flag=true',
        body: '{"displayName":"Desk"}',
      });
      expect(request?.headers).toMatchObject({ 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'sinch-graphql-gateway', 'x-request-id': 'req-1' });
    });

    it('sends a form body as application/x-www-form-urlencoded', async () => {
      server.enqueue({ status: 200, body: {} });
      await client.request({ method: 'POST', path: '/oauth2/token', route: '/oauth2/token', form: new URLSearchParams({ grant_type: 'client_credentials' }) });
      expect(server.requests[0]?.body).toBe('grant_type=client_credentials');
      expect(server.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    });

    it('reports every call, with the route template and never the concrete path', async () => {
      server.enqueue({ status: 200, body: {} }, { status: 404, body: '' });
      await get();
      await captureUpstreamError(get());
      expect(calls.map(({ service, method, route, statusCode, error }) => [service, method, route, statusCode, error?.code])).toEqual([
        ['NUMBERS', 'GET', '/v1/projects/{projectId}/activeNumbers', 200, undefined],
        ['NUMBERS', 'GET', '/v1/projects/{projectId}/activeNumbers', 404, 'NOT_FOUND'],
      ]);
      expect(calls.every((call) => call.durationMs >= 0)).toBe(true);
    });
  });
});
