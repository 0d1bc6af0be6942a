import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT, START, errorOf, startVerificationTestGateway, type VerificationTestGateway } from './verificationTestGateway.js';

const NUMBER = '+46701234567';

describe('Verification GraphQL: input refused before any upstream call', () => {
  let gateway: VerificationTestGateway;
  beforeAll(async () => {
    gateway = await startVerificationTestGateway();
  });
  afterAll(() => gateway.close());

  const starts: Array<[string, Record<string, unknown>, string]> = [
    ['options of another method', { phoneNumber: NUMBER, method: 'SMS', flashCall: { dialTimeoutSeconds: 10 } }, 'input.flashCall'],
    ['the UNKNOWN method', { phoneNumber: NUMBER, method: 'UNKNOWN' }, 'input.method'],
    ['a reference that is not URL-path safe', { phoneNumber: NUMBER, method: 'SMS', reference: 'a/b' }, 'input.reference'],
    ['an expiry that is not HH:MM:SS', { phoneNumber: NUMBER, method: 'SMS', sms: { expiry: '10 minutes' } }, 'input.sms.expiry'],
    ['a locale that is not a language tag', { phoneNumber: NUMBER, method: 'SMS', sms: { locale: 'en\r\nX-Evil: 1' } }, 'input.sms.locale'],
    ['a flash call timeout out of 5..120', { phoneNumber: NUMBER, method: 'FLASH_CALL', flashCall: { interceptionTimeoutSeconds: 300 } }, 'input.flashCall.interceptionTimeoutSeconds'],
    ['the UNKNOWN code type', { phoneNumber: NUMBER, method: 'WHATSAPP', whatsApp: { codeType: 'UNKNOWN' } }, 'input.whatsApp.codeType'],
    ['a custom text over 4096 characters', { phoneNumber: NUMBER, method: 'SMS', custom: 'x'.repeat(4097) }, 'input.custom'],
  ];
  for (const [name, input, argumentName] of starts) {
    it(`startVerification refuses ${name}`, async () => {
      const response = await gateway.query(START, { input });
      expect(errorOf(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
      expect(await gateway.upstreamCalls()).toBe(0);
    });
  }

  const reports: Array<[string, Record<string, unknown>]> = [
    ['neither id nor phone number', { method: 'SMS', code: '1234' }],
    ['both id and phone number', { id: 'abc', phoneNumber: NUMBER, method: 'SMS', code: '1234' }],
    ['an empty code', { id: 'abc', method: 'SMS', code: '  ' }],
    ['a code over 32 characters', { id: 'abc', method: 'SMS', code: '1'.repeat(33) }],
  ];
  for (const [name, input] of reports) {
    it(`reportVerification refuses ${name}, without quoting the code`, async () => {
      const response = await gateway.query(REPORT, { input });
      const error = errorOf(response);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(error.message).not.toContain(String(input['code']).trim() || '\u0000');
      expect(await gateway.upstreamCalls()).toBe(0);
    });
  }

  it('refuses a phone number that is not E.164 in the PhoneNumber scalar', async () => {
    const response = await gateway.query(START, { input: { phoneNumber: '0701234567', method: 'SMS' } });
    expect(response.status).toBe(400);
    expect(errorOf(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await gateway.upstreamCalls()).toBe(0);
  });
});
