import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VERIFICATION_FIELDS, startVerificationTestGateway, type VerificationTestGateway } from './verificationTestGateway.js';

const NUMBER = '+46701234567';
const ZULU = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/;

describe('Verification GraphQL: start and report, each method, against the simulator', () => {
  let gateway: VerificationTestGateway;

  beforeAll(async () => {
    gateway = await startVerificationTestGateway();
  });
  beforeEach(() => gateway.admin.reset());
  afterAll(() => gateway.close());

  it('SMS: template, interception timeout, code type and language; the code reported by id', async () => {
    const started = await gateway.start({ phoneNumber: NUMBER, method: 'SMS', sms: { codeType: 'ALPHA', expiry: '00:05:00', locale: 'sv-SE' } });
    expect(started).toMatchObject({
      __typename: 'SmsVerificationStart',
      method: 'SMS',
      template: 'Din verifieringskod är {{CODE}}.',
      interceptionTimeoutSeconds: 300,
      codeType: 'ALPHA',
      contentLanguage: 'sv-SE',
      links: [
        { rel: 'status', method: 'GET', href: expect.stringContaining(`/verification/v1/verifications/id/${started.id}`) },
        { rel: 'report', method: 'PUT', href: expect.stringContaining(`/verification/v1/verifications/id/${started.id}`) },
      ],
    });
    const reported = await gateway.report({ id: started.id, method: 'SMS', code: 'EFGH' });
    expect(reported.body.data?.['reportVerification']).toEqual({
      id: started.id,
      method: 'SMS',
      methodRaw: 'sms',
      status: 'SUCCESSFUL',
      statusRaw: 'SUCCESSFUL',
      reason: null,
      reasonRaw: null,
      callComplete: null,
    });
  });

  it('flash call: CLI filter and timeouts; the CLI reported by phone number', async () => {
    const started = await gateway.start({ phoneNumber: NUMBER, method: 'FLASH_CALL', flashCall: { dialTimeoutSeconds: 10, interceptionTimeoutSeconds: 20 } });
    expect(started).toMatchObject({
      __typename: 'FlashCallVerificationStart',
      cliFilter: '(.*)815654(.*)',
      interceptionTimeoutSeconds: 20,
      reportTimeoutSeconds: 50,
      denyCallAfterSeconds: 0,
    });
    const reported = await gateway.report({ phoneNumber: NUMBER, method: 'FLASH_CALL', code: '+18156544567' });
    expect(reported.body.data?.['reportVerification']).toMatchObject({ id: started.id, method: 'FLASH_CALL', status: 'SUCCESSFUL', callComplete: true });
  });

  it('phone call: started with a speech locale, the spoken code reported', async () => {
    const started = await gateway.start({ phoneNumber: NUMBER, method: 'PHONE_CALL', phoneCall: { speechLocale: 'en-GB' } });
    expect(started).toMatchObject({ __typename: 'PhoneCallVerificationStart', method: 'PHONE_CALL' });
    const reported = await gateway.report({ id: started.id, method: 'PHONE_CALL', code: '4567' });
    expect(reported.body.data?.['reportVerification']).toMatchObject({ status: 'SUCCESSFUL', callComplete: true });
  });

  it('seamless: the target URI the device calls', async () => {
    const started = await gateway.start({ phoneNumber: NUMBER, method: 'SEAMLESS' });
    expect(started).toMatchObject({ __typename: 'SeamlessVerificationStart', method: 'SEAMLESS', targetUri: expect.stringContaining(`/seamless/${started.id}`) });
  });

  it('WhatsApp: code type; the code reported', async () => {
    const started = await gateway.start({ phoneNumber: NUMBER, method: 'WHATSAPP', whatsApp: { codeType: 'NUMERIC' } });
    expect(started).toMatchObject({ __typename: 'WhatsAppVerificationStart', codeType: 'NUMERIC' });
    const reported = await gateway.report({ id: started.id, method: 'WHATSAPP', code: '4567' });
    expect(reported.body.data?.['reportVerification']).toMatchObject({ status: 'SUCCESSFUL' });
  });

  it('a wrong code answers FAIL with reason INVALID_CODE', async () => {
    const started = await gateway.start({ phoneNumber: NUMBER, method: 'SMS' });
    const reported = await gateway.report({ id: started.id, method: 'SMS', code: '0000' });
    expect(reported.body.data?.['reportVerification']).toMatchObject({ status: 'FAIL', reason: 'INVALID_CODE', reasonRaw: 'Invalid code' });
  });
});

describe('Verification GraphQL: status queries', () => {
  let gateway: VerificationTestGateway;

  beforeAll(async () => {
    gateway = await startVerificationTestGateway();
  });
  afterAll(() => gateway.close());

  it('reads one verification by id, by reference and by identity, in one operation and one upstream call each', async () => {
    const started = await gateway.start({ phoneNumber: NUMBER, method: 'PHONE_CALL', reference: 'order-7' });
    await gateway.report({ id: started.id, method: 'PHONE_CALL', code: '4567' });
    await gateway.admin.clearRequests();
    const response = await gateway.query(
      `query Lookups($id: ID!) {
        byId: verification(id: $id) { ${VERIFICATION_FIELDS} }
        again: verification(id: $id) { id }
        byReference: verificationByReference(reference: "order-7") { id reference }
        byIdentity: verificationByIdentity(method: PHONE_CALL, phoneNumber: "${NUMBER}") { id status }
      }`,
      { id: started.id },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['byId']).toEqual({
      id: started.id,
      method: 'PHONE_CALL',
      methodRaw: 'callout',
      status: 'SUCCESSFUL',
      statusRaw: 'SUCCESSFUL',
      reason: null,
      reasonRaw: null,
      reference: 'order-7',
      identity: { type: 'number', endpoint: NUMBER },
      countryId: 'SE',
      timestamp: expect.stringMatching(ZULU),
      source: null,
      callComplete: true,
      callResult: 'COMPLETED',
      callResultRaw: 'COMPLETED',
      price: {
        verificationPrice: { currencyCode: 'EUR', amount: '0.039' },
        terminationPrice: { currencyCode: 'EUR', amount: '0.0125' },
        billableDurationSeconds: 12,
      },
    });
    expect(response.body.data?.['byReference']).toEqual({ id: started.id, reference: 'order-7' });
    expect(response.body.data?.['byIdentity']).toEqual({ id: started.id, status: 'SUCCESSFUL' });
    // `byId` and `again` share one DataLoader key.
    expect(await gateway.upstreamCalls()).toBe(3);
  });

  it('is null for an id, reference or identity Sinch does not know', async () => {
    const response = await gateway.query(`{
      verification(id: "unknown-id") { id }
      verificationByReference(reference: "unknown") { id }
      verificationByIdentity(method: WHATSAPP, phoneNumber: "+15550000000") { id }
    }`);
    expect(response.body).toEqual({ data: { verification: null, verificationByReference: null, verificationByIdentity: null } });
  });

  it('refuses an id that could change the upstream path, before any upstream call', async () => {
    await gateway.admin.clearRequests();
    const response = await gateway.query(`{ verification(id: "../../admin") { id } }`);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(await gateway.upstreamCalls()).toBe(0);
  });
});
