import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamHttpClient } from '../../../src/upstream/http/UpstreamHttpClient.js';
import type { RequestAuthenticator } from '../../../src/upstream/http/RequestAuthenticator.js';
import { captureUpstreamError } from '../../errors/upstreamErrorHarness.js';
import { refusedOrigin, startFaultServer } from '../../support/faultServer.js';
import type { FaultServer } from '../../support/faultServer.js';

const BEARER = 'Bearer connection-test-token';
const authenticator: RequestAuthenticator = { headersFor: async () => ({ authorization: BEARER }) };

describe('UpstreamHttpClient: connections, redirects and size caps', () => {
  let server: FaultServer;
  let redirectTarget: FaultServer;
  let client: UpstreamHttpClient;

  beforeAll(async () => {
    [server, redirectTarget] = await Promise.all([startFaultServer(), startFaultServer()]);
    client = new UpstreamHttpClient({ service: 'SIP_TRUNKING', origin: server.origin, authenticator, maxResponseBytes: 1_024 });
  });
  afterEach(() => {
    server.reset();
    redirectTarget.reset();
  });
  afterAll(async () => {
    await client.close();
    await Promise.all([server.close(), redirectTarget.close()]);
  });

  const get = () => client.request({ method: 'GET', path: '/v1/projects/p/trunks', route: '/v1/projects/{projectId}/trunks' });

  it('maps a refused connection to UPSTREAM_UNREACHABLE', async () => {
    const refused = new UpstreamHttpClient({ service: 'SIP_TRUNKING', origin: await refusedOrigin() });
    try {
      const error = await captureUpstreamError(refused.request({ method: 'GET', path: '/v1/x', route: '/v1/x' }));
      expect([error.code, error.failure, error.retryable, error.httpStatus]).toEqual(['UPSTREAM_UNREACHABLE', 'UNREACHABLE', true, undefined]);
      expect(error.endpoint).toBe('GET /v1/x');
    } finally {
      await refused.close();
    }
  });

  it('maps a connection reset before any response to UPSTREAM_UNREACHABLE', async () => {
    server.enqueue({ destroy: 'before-headers' });
    const error = await captureUpstreamError(get());
    expect([error.code, error.retryable]).toEqual(['UPSTREAM_UNREACHABLE', true]);
  });

  it('maps a connection reset after the headers to UPSTREAM_UNREACHABLE', async () => {
    server.enqueue({ status: 200, headers: { 'content-type': 'application/json', 'content-length': '500' }, destroy: 'after-headers' });
    const error = await captureUpstreamError(get());
    expect(error.code).toBe('UPSTREAM_UNREACHABLE');
  });

  it('maps bytes that are not HTTP to UPSTREAM_BAD_RESPONSE', async () => {
    server.enqueue({ raw: 'SSH-2.0-OpenSSH_9.6 garbage-marker\r\n\r\n' });
    const error = await captureUpstreamError(get());
    expect([error.code, error.failure, error.retryable]).toEqual(['UPSTREAM_BAD_RESPONSE', 'BAD_RESPONSE', false]);
    expect(inspect(error, { depth: 10 })).not.toContain('garbage-marker');
  });

  it.each([301, 302, 303, 307, 308])('does not follow a %i redirect to another host, and sends nothing there', async (status) => {
    server.enqueue({ status, redirectTo: `${redirectTarget.origin}/steal` });
    const error = await captureUpstreamError(get());
    expect([error.code, error.httpStatus, error.retryable]).toEqual(['UPSTREAM_BAD_RESPONSE', status, false]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['authorization']).toBe(BEARER);
    expect(redirectTarget.requests).toEqual([]);
  });

  it('maps a 2xx body over the size cap (with Content-Length) to UPSTREAM_BAD_RESPONSE, keeping its status', async () => {
    server.enqueue({ status: 200, headers: { 'content-type': 'application/json' }, body: `"${'a'.repeat(4_000)}"` });
    const error = await captureUpstreamError(get());
    expect([error.code, error.failure, error.retryable, error.httpStatus, error.service]).toEqual(['UPSTREAM_BAD_RESPONSE', 'BAD_RESPONSE', false, 200, 'SIP_TRUNKING']);
  });

  it('maps a chunked body that grows past the size cap to UPSTREAM_BAD_RESPONSE, keeping its status', async () => {
    server.enqueue({ status: 201, headers: { 'content-type': 'application/json' }, body: `"${'a'.repeat(4_000)}"`, trickle: { chunkBytes: 512, intervalMs: 1 } });
    const error = await captureUpstreamError(get());
    expect([error.code, error.httpStatus]).toEqual(['UPSTREAM_BAD_RESPONSE', 201]);
  });

  it('maps an error body over the size cap to UPSTREAM_BAD_RESPONSE, keeping its status', async () => {
    server.enqueue({ status: 500, headers: { 'content-type': 'text/html' }, body: 'x'.repeat(4_000) });
    const error = await captureUpstreamError(get());
    expect([error.code, error.httpStatus]).toEqual(['UPSTREAM_BAD_RESPONSE', 500]);
  });

  it('reads a body of exactly the size cap', async () => {
    server.enqueue({ status: 200, headers: { 'content-type': 'application/json' }, body: `"${'a'.repeat(1_022)}"` });
    const response = await get();
    expect(response.body).toHaveLength(1_022);
  });

  it('keeps working on the same pool after a reset connection', async () => {
    server.enqueue({ destroy: 'before-headers' }, { status: 200, body: { trunks: [] } });
    await captureUpstreamError(get());
    await expect(get()).resolves.toMatchObject({ statusCode: 200, body: { trunks: [] } });
  });
});
