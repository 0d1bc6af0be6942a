import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPORT, START, VERIFICATION_FIELDS, errorOf, startVerificationTestGateway, type VerificationTestGateway } from './verificationTestGateway.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../fixtures/verification/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/**
 * Sinch's own SDK fixtures (and variants with values Sinch may add later), served by the
 * simulator's fault injector as if Sinch had answered them, read through GraphQL.
 */
describe('Verification GraphQL: mapping of Sinch responses', () => {
  let gateway: VerificationTestGateway;
  beforeAll(async () => {
    gateway = await startVerificationTestGateway();
  });
  beforeEach(() => gateway.admin.reset());
  afterAll(() => gateway.close());

  const serve = (method: string, path: string, body: unknown, status = 200) => gateway.admin.addFault({ method, path, status, body });
  const read = async (body: unknown) => {
    await serve('GET', '^/verification/v1/verifications/id/the-id$', body);
    const response = await gateway.query(`{ verification(id: "the-id") { ${VERIFICATION_FIELDS} } }`);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.['verification'];
  };

  it('a phone call status: prices as Money, billable duration, call result, and a Z on the timestamp', async () => {
    expect(await read(fixture('VerificationStatusResponsePhoneCallDto.json'))).toEqual({
      id: 'the id',
      method: 'PHONE_CALL',
      methodRaw: 'callout',
      status: 'FAIL',
      statusRaw: 'FAIL',
      reason: 'FRAUD',
      reasonRaw: 'Fraud',
      reference: 'my reference',
      identity: { type: 'number', endpoint: 'endpoint value' },
      countryId: 'ES',
      timestamp: '2024-05-22T09:38:59.559Z',
      source: null,
      callComplete: true,
      callResult: 'ANSWERED',
      callResultRaw: 'ANSWERED',
      price: {
        verificationPrice: { currencyCode: 'verificationPrice currency id', amount: '3.141516' },
        terminationPrice: { currencyCode: 'terminationPrice currency id', amount: '6.62607' },
        billableDurationSeconds: 34,
      },
    });
  });

  it('SMS, flash call and WhatsApp statuses (Java and .NET fixtures)', async () => {
    expect(await read(fixture('VerificationStatusResponseSmsDto.json'))).toMatchObject({ method: 'SMS', source: 'INTERCEPTED', price: { terminationPrice: null } });
    expect(await read(fixture('VerificationStatusResponseFlashCallDto.json'))).toMatchObject({ method: 'FLASH_CALL', source: 'MANUAL', callComplete: false });
    expect(await read(fixture('dotnet-VerificationStatusResponseWhatsAppDto.json'))).toMatchObject({ method: 'WHATSAPP', identity: { endpoint: '+33123456789' } });
  });

  it('never fails on values Sinch adds later: UNKNOWN plus the raw string', async () => {
    const future = { ...fixture('VerificationStatusResponseFlashCallDto.json'), method: 'carrierpigeon', status: 'PAUSED', reason: 'Solar flare', source: 'telepathy', callResult: 'VOICEMAIL' };
    expect(await read(future)).toMatchObject({
      method: 'UNKNOWN',
      methodRaw: 'carrierpigeon',
      status: 'UNKNOWN',
      statusRaw: 'PAUSED',
      reason: 'UNKNOWN',
      reasonRaw: 'Solar flare',
      source: 'UNKNOWN',
      callResult: 'UNKNOWN',
      callResultRaw: 'VOICEMAIL',
    });
  });

  it('a start response with extra properties (Java fixture)', async () => {
    await serve('POST', '^/verification/v1/verifications$', fixture('VerificationStartResponseSmsDto.json'));
    const response = await gateway.query(START, { input: { phoneNumber: '+46701234567', method: 'SMS' } });
    expect(response.body.data?.['startVerification']).toMatchObject({
      __typename: 'SmsVerificationStart',
      id: 'the id',
      template: 'Your verification code is {{CODE}}. Verified by Sinch',
      interceptionTimeoutSeconds: 298,
      codeType: 'NUMERIC',
      links: [
        { rel: 'status', href: 'an href for status', method: 'GET' },
        { rel: 'report', href: 'an href for report', method: 'PUT' },
      ],
    });
  });

  it('a flash call report response (Java fixture)', async () => {
    await serve('PUT', '^/verification/v1/verifications/id/the-id$', fixture('VerificationReportResponseFlashCallDto.json'));
    const response = await gateway.query(REPORT, { input: { id: 'the-id', method: 'FLASH_CALL', code: '+46000000000' } });
    expect(response.body.data?.['reportVerification']).toMatchObject({ method: 'FLASH_CALL', status: 'FAIL', reason: 'FRAUD', callComplete: true });
  });

  it('the error envelope (Java fixture) keeps its reference', async () => {
    await serve('POST', '^/verification/v1/verifications$', fixture('error-response.json'), 404);
    const response = await gateway.query(START, { input: { phoneNumber: '+46701234567', method: 'SMS' } });
    expect(errorOf(response).extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: '40400', reference: 'a reference' } });
  });
});
