import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { errorOf, startVerificationTestGateway, type VerificationTestGateway } from './verificationTestGateway.js';

const RETRIED_NUMBER = '+46701234567';

describe('Verification GraphQL: report attempt budget', () => {
  let gateway: VerificationTestGateway;
  beforeAll(async () => {
    gateway = await startVerificationTestGateway();
  });
  // The gateway's budgets outlive a test: each test guesses at a number of its own.
  let number = '';
  let sequence = 0;
  beforeEach(async () => {
    sequence += 1;
    number = `+467012${String(sequence).padStart(5, '0')}`;
    await gateway.admin.reset();
  });
  afterAll(() => gateway.close());

  it('lets 5 reports of one verification through, then answers RATE_LIMITED without calling Sinch', async () => {
    const { id } = await gateway.start({ phoneNumber: number, method: 'SMS' });
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
    const { id } = await gateway.start({ phoneNumber: number, method: 'SMS' });
    for (let attempt = 0; attempt < 3; attempt++) await gateway.report({ id, method: 'SMS', code: '0000' });
    for (let attempt = 0; attempt < 2; attempt++) await gateway.report({ phoneNumber: number, method: 'SMS', code: '0000' });
    const refused = await gateway.report({ phoneNumber: number, method: 'SMS', code: '4567' });
    expect(errorOf(refused).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const byId = await gateway.report({ id, method: 'SMS', code: '4567' });
    expect(errorOf(byId).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await gateway.admin.requests('VERIFICATION')).filter((entry) => entry.method === 'PUT')).toHaveLength(5);
  });

  const reportPuts = async () => (await gateway.admin.requests('VERIFICATION')).filter((entry) => entry.method === 'PUT').length;
  const wrongCode = (attempt: number) => `90${String(attempt).padStart(2, '0')}`;

  // The attack: Sinch applies a report by number to the newest verification of the reported
  // method, so starting a FLASH_CALL (or any other method) must not refill guesses at the
  // still-pending SMS code.
  for (const method of ['FLASH_CALL', 'PHONE_CALL', 'WHATSAPP', 'SMS'] as const) {
    it(`keeps the number's budget spent when a ${method} is started after 5 wrong SMS reports by number`, async () => {
      await gateway.start({ phoneNumber: number, method: 'SMS' });
      for (let attempt = 0; attempt < 5; attempt++) await gateway.report({ phoneNumber: number, method: 'SMS', code: wrongCode(attempt) });
      expect(await reportPuts()).toBe(5);
      const { id } = await gateway.start({ phoneNumber: number, method });
      for (let attempt = 0; attempt < 3; attempt++) {
        expect(errorOf(await gateway.report({ phoneNumber: number, method: 'SMS', code: wrongCode(10 + attempt) })).extensions).toMatchObject({ code: 'RATE_LIMITED' });
      }
      expect(errorOf(await gateway.report({ id, method: method === 'PHONE_CALL' ? 'PHONE_CALL' : method, code: '1234' })).extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(await reportPuts()).toBe(5);
    });
  }

  it('keeps the number\'s budget spent when the guesses went by id and the new start is reported by number or id', async () => {
    const sms = await gateway.start({ phoneNumber: number, method: 'SMS' });
    for (let attempt = 0; attempt < 5; attempt++) await gateway.report({ id: sms.id, method: 'SMS', code: wrongCode(attempt) });
    const flashCall = await gateway.start({ phoneNumber: number, method: 'FLASH_CALL' });
    expect(errorOf(await gateway.report({ phoneNumber: number, method: 'SMS', code: '1234' })).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(errorOf(await gateway.report({ id: flashCall.id, method: 'FLASH_CALL', code: '+46700000000' })).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(errorOf(await gateway.report({ id: sms.id, method: 'SMS', code: '1234' })).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await reportPuts()).toBe(5);
  });

  it('refuses a report sent over WebSocket, so the budget cannot be walked around there', async () => {
    await gateway.start({ phoneNumber: number, method: 'SMS' });
    for (let attempt = 0; attempt < 5; attempt++) await gateway.report({ phoneNumber: number, method: 'SMS', code: wrongCode(attempt) });
    const client = createClient({ url: `${gateway.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      const errors = await new Promise<unknown[]>((resolve) => {
        const collected: unknown[] = [];
        client.subscribe(
          { query: 'mutation ($input: ReportVerificationInput!) { reportVerification(input: $input) { status } }', variables: { input: { phoneNumber: number, method: 'SMS', code: '1234' } } },
          {
            next: (result) => collected.push(...(result.errors ?? [])),
            error: (error) => resolve([...collected, ...(Array.isArray(error) ? error : [error])]),
            complete: () => resolve(collected),
          },
        );
      });
      expect(errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    } finally {
      await client.dispose();
    }
    expect(await reportPuts()).toBe(5);
  });

  it('counts reports by id and by number of different verifications of one number in one budget', async () => {
    const first = await gateway.start({ phoneNumber: number, method: 'SMS' });
    const second = await gateway.start({ phoneNumber: number, method: 'WHATSAPP' });
    await gateway.report({ id: first.id, method: 'SMS', code: wrongCode(0) });
    await gateway.report({ id: second.id, method: 'WHATSAPP', code: wrongCode(1) });
    await gateway.report({ phoneNumber: number, method: 'SMS', code: wrongCode(2) });
    await gateway.report({ phoneNumber: number, method: 'WHATSAPP', code: wrongCode(3) });
    await gateway.report({ id: first.id, method: 'SMS', code: wrongCode(4) });
    expect(errorOf(await gateway.report({ id: second.id, method: 'WHATSAPP', code: '1234' })).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await reportPuts()).toBe(5);
  });

  it('budgets each verification on its own', async () => {
    const first = await gateway.start({ phoneNumber: number, method: 'SMS' });
    const secondNumber = number.replace('+467012', '+467019');
    const second = { ...(await gateway.start({ phoneNumber: secondNumber, method: 'SMS' })), code: secondNumber.slice(-4) };
    for (let attempt = 0; attempt < 5; attempt++) await gateway.report({ id: first.id, method: 'SMS', code: '0000' });
    const response = await gateway.report({ id: second.id, method: 'SMS', code: second.code });
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
      const { id } = await gateway.start({ phoneNumber: RETRIED_NUMBER, method: 'SMS' });
      await gateway.admin.clearRequests();
      await gateway.admin.addFault({ method: 'PUT', path: '^/verification/v1/verifications/', times: 0, status: fault.status, headers: fault.headers, body: fault.body, action: fault.action });
      const response = await gateway.report({ id, method: 'SMS', code: '4567' });
      expect(errorOf(response).extensions).toMatchObject({ code: fault.code });
      expect(await gateway.upstreamCalls()).toBe(1);
    });
  }
});
