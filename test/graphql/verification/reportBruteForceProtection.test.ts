import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, startVerificationTestGateway, type VerificationTestGateway } from './verificationTestGateway.js';

const NUMBER = '+46701234567';

describe('Verification GraphQL: report attempt budget', () => {
  let gateway: VerificationTestGateway;
  beforeAll(async () => {
    gateway = await startVerificationTestGateway();
  });
  beforeEach(() => gateway.admin.reset());
  afterAll(() => gateway.close());

  it('lets 5 reports of one verification through, then answers RATE_LIMITED without calling Sinch', async () => {
    const { id } = await gateway.start({ phoneNumber: NUMBER, method: 'SMS' });
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await gateway.report({ id, method: 'SMS', code: `000${attempt}` });
      expect(response.body.errors).toBeUndefined();
    }
    const refused = await gateway.report({ id, method: 'SMS', code: '4567' });
    expect(refused.status).toBe(200);
    expect(errorOf(refused).extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    const puts = (await gateway.admin.requests('VERIFICATION')).filter((entry) => entry.method === 'PUT');
    expect(puts).toHaveLength(5);
  });

  it('shares one budget between reports by id and by identity of the same verification', async () => {
    const { id } = await gateway.start({ phoneNumber: NUMBER, method: 'SMS' });
    for (let attempt = 0; attempt < 3; attempt++) await gateway.report({ id, method: 'SMS', code: '0000' });
    for (let attempt = 0; attempt < 2; attempt++) await gateway.report({ phoneNumber: NUMBER, method: 'SMS', code: '0000' });
    const refused = await gateway.report({ phoneNumber: NUMBER, method: 'SMS', code: '4567' });
    expect(errorOf(refused).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const byId = await gateway.report({ id, method: 'SMS', code: '4567' });
    expect(errorOf(byId).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await gateway.admin.requests('VERIFICATION')).filter((entry) => entry.method === 'PUT')).toHaveLength(5);
  });

  it('budgets each verification on its own', async () => {
    const first = await gateway.start({ phoneNumber: NUMBER, method: 'SMS' });
    const second = await gateway.start({ phoneNumber: '+46701239999', method: 'SMS' });
    for (let attempt = 0; attempt < 5; attempt++) await gateway.report({ id: first.id, method: 'SMS', code: '0000' });
    const response = await gateway.report({ id: second.id, method: 'SMS', code: '9999' });
    expect(response.body.data?.['reportVerification']).toMatchObject({ status: 'SUCCESSFUL' });
  });
});

describe('Verification GraphQL: a report is never retried', () => {
  let gateway: VerificationTestGateway;
  beforeAll(async () => {
    gateway = await startVerificationTestGateway();
  });
  beforeEach(() => gateway.admin.reset());
  afterAll(() => gateway.close());

  const faults: Array<{ name: string; status?: number; headers?: Record<string, string>; body?: unknown; action?: 'reset'; code: string }> = [
    { name: '503 Service Unavailable', status: 503, headers: { 'retry-after': '1' }, body: { errorCode: 50300, message: 'Service temporarily unavailable' }, code: 'UPSTREAM_UNAVAILABLE' },
    { name: '401 with an "expired" WWW-Authenticate', status: 401, headers: { 'www-authenticate': 'Bearer error="expired"' }, body: { errorCode: 40102, message: 'Invalid signature' }, code: 'UPSTREAM_AUTH_FAILED' },
    { name: 'a reset connection', action: 'reset', code: 'UPSTREAM_UNREACHABLE' },
  ];
  for (const fault of faults) {
    it(`sends a report exactly once when Sinch answers ${fault.name}`, async () => {
      const { id } = await gateway.start({ phoneNumber: NUMBER, method: 'SMS' });
      await gateway.admin.clearRequests();
      await gateway.admin.addFault({ method: 'PUT', path: '^/verification/v1/verifications/', times: 0, status: fault.status, headers: fault.headers, body: fault.body, action: fault.action });
      const response = await gateway.report({ id, method: 'SMS', code: '4567' });
      expect(errorOf(response).extensions).toMatchObject({ code: fault.code });
      expect(await gateway.upstreamCalls()).toBe(1);
    });
  }
});
