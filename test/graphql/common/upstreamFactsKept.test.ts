import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../../../src/config.js';
import { startFaultServer } from '../../support/faultServer.js';
import type { FaultServer } from '../../support/faultServer.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

const NUMBER = 'query ($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber } }';

/**
 * Failures the gateway could not read or did not expect still say which service answered and
 * with which status: `extensions.upstream.httpStatus` is only null when no status line came.
 */
describe('Upstream facts through GraphQL: the status of an answer the gateway refused', () => {
  let gateway: TestGateway;
  let faults: FaultServer;

  beforeAll(async () => {
    faults = await startFaultServer();
    const origin = faults.origin;
    gateway = await startTestGateway({
      env: { UPSTREAM_MAX_RESPONSE_BYTES: '1024' },
      configure: (config: GatewayConfig) => ({ ...config, sinch: { ...config.sinch, numbersUrl: origin } }),
    });
  });
  afterAll(async () => {
    await gateway.close();
    await faults.close();
  });

  const numberError = async () => {
    const response = await gateway.query(NUMBER, { phoneNumber: '+12015550100' });
    return response.body.errors?.[0];
  };

  it.each([
    [405, 'METHOD_NOT_ALLOWED'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('keeps service and status of a %i: INTERNAL_SERVER_ERROR, the upstream text not returned', async (httpStatus, status) => {
    faults.reset();
    faults.handle(() => ({ status: httpStatus, body: { error: { code: httpStatus, message: 'the gateway sent something odd', status } } }));
    const error = await numberError();
    expect(error?.message).toBe('Internal server error');
    expect(error?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', upstream: { service: 'NUMBERS', httpStatus, status, message: null, retryable: false } });
    expect(JSON.stringify(error)).not.toContain('something odd');
  });

  it.each([
    ['with Content-Length', undefined],
    ['chunked', { chunkBytes: 256, intervalMs: 1 }],
  ])('keeps the status of a 200 whose body is over the size cap (%s): UPSTREAM_BAD_RESPONSE, httpStatus 200', async (_name, trickle) => {
    faults.reset();
    faults.handle(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { phoneNumber: '+12015550100', padding: 'x'.repeat(4_000) }, trickle }));
    const error = await numberError();
    expect(error?.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', upstream: { service: 'NUMBERS', httpStatus: 200, retryable: false } });
    expect(faults.requests).toHaveLength(1);
  });
});
