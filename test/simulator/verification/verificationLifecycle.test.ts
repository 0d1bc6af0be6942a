import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { createVerificationTestClient, startBody, type VerificationTestClient } from './verificationTestClient.js';

const START = '/verification/v1/verifications';
const NUMBER = '+46701234567';

describe('Verification simulator: lifecycle', () => {
  let simulator: RunningSimulator;
  let send: VerificationTestClient;
  let admin: SimulatorAdmin;

  const start = async (method: string, extra: Record<string, unknown> = {}, phoneNumber = NUMBER) => {
    const response = await send('POST', START, { body: startBody(method, phoneNumber, extra) });
    expect(response.status).toBe(200);
    return response.body as { id: string };
  };
  const report = (id: string, body: unknown) => send('PUT', `/verification/v1/verifications/id/${id}`, { body });
  const status = async (id: string) => (await send('GET', `/verification/v1/verifications/id/${id}`)).body;

  beforeAll(async () => {
    simulator = await startSimulator();
    send = createVerificationTestClient(simulator.url);
    admin = new SimulatorAdmin(simulator.url);
  });
  beforeEach(() => admin.reset());
  afterAll(() => simulator.close());

  it('derives every secret from the number: last four digits, letters for Alpha, a CLI for flash calls', async () => {
    // Six starts to one number: more than the velocity limit allows by default.
    await fetch(`${simulator.url}/__admin/verification/config`, { method: 'PUT', body: JSON.stringify({ velocityLimit: 10 }) });
    const cases: Array<[string, Record<string, unknown>, unknown]> = [
      ['sms', {}, { method: 'sms', sms: { code: '4567' } }],
      ['sms', { smsOptions: { codeType: 'Alpha' } }, { method: 'sms', sms: { code: 'EFGH' } }],
      ['sms', { smsOptions: { codeType: 'Alphanumeric' } }, { method: 'sms', sms: { code: 'EF67' } }],
      ['whatsapp', {}, { method: 'whatsapp', whatsapp: { code: '4567' } }],
      ['callout', {}, { method: 'callout', callout: { code: '4567' } }],
      ['flashcall', {}, { method: 'flashcall', flashCall: { cli: '+18156544567' } }],
    ];
    for (const [method, options, body] of cases) {
      const { id } = await start(method, options);
      const response = await report(id, body);
      expect(response.body).toMatchObject({ id, method, status: 'SUCCESSFUL' });
    }
  });

  it('answers each method with its documented start details and links back to itself', async () => {
    const sms = await send('POST', START, { body: startBody('sms', NUMBER), headers: { 'accept-language': 'sv-SE' } });
    expect(sms.headers.get('content-language')).toBe('sv-SE');
    expect(sms.body).toMatchObject({
      method: 'sms',
      sms: { template: 'Din verifieringskod är {{CODE}}.', interceptionTimeout: 600, codeType: 'Numeric' },
      _links: [
        { rel: 'status', href: `${simulator.url}/verification/v1/verifications/id/${sms.body.id}`, method: 'GET' },
        { rel: 'report', href: `${simulator.url}/verification/v1/verifications/id/${sms.body.id}`, method: 'PUT' },
      ],
    });
    const flash = await start('flashcall', { flashCallOptions: { interceptionTimeout: 20, dialTimeout: 10 } });
    expect(flash).toMatchObject({ flashCall: { cliFilter: '(.*)815654(.*)', interceptionTimeout: 20, reportTimeout: 50, denyCallAfter: 0 } });
    const seamless = await start('seamless');
    expect(seamless).toMatchObject({ seamless: { targetUri: `${simulator.url}/verification/v1/seamless/${seamless.id}` } });
  });

  it('answers FAIL / Invalid code to a wrong code and fails the verification after three', async () => {
    const { id } = await start('sms');
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await report(id, { method: 'sms', sms: { code: '0000' } })).body).toMatchObject({ status: 'FAIL', reason: 'Invalid code' });
      expect((await status(id)).status).toBe(attempt < 3 ? 'PENDING' : 'FAIL');
    }
    // Once final, even the right code cannot change it.
    expect((await report(id, { method: 'sms', sms: { code: '4567' } })).body).toMatchObject({ status: 'FAIL', reason: 'Invalid code' });
  });

  it('expires a verification after its expiry (FAIL / Expired)', async () => {
    const { id } = await start('sms', { smsOptions: { expiry: '00:00:01' } });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await report(id, { method: 'sms', sms: { code: '4567' } })).body).toMatchObject({ status: 'FAIL', reason: 'Expired' });
  });

  it('keeps references unique (409 40900) and finds verifications by reference and by identity', async () => {
    const { id } = await start('sms', { reference: 'order-42' });
    const again = await send('POST', START, { body: startBody('sms', NUMBER, { reference: 'order-42' }) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ errorCode: 40900, message: 'Reference already defined' });
    expect((await send('GET', '/verification/v1/verifications/reference/order-42')).body).toMatchObject({ id, reference: 'order-42' });
    expect((await send('GET', `/verification/v1/verifications/sms/number/${NUMBER}`)).body).toMatchObject({ id, status: 'PENDING' });
    const byIdentity = await send('PUT', `/verification/v1/verifications/number/${encodeURIComponent(NUMBER)}`, { body: { method: 'sms', sms: { code: '4567' } } });
    expect(byIdentity.body).toMatchObject({ id, status: 'SUCCESSFUL' });
  });

  it('reports a settled verification with its price, country and a zone-less timestamp', async () => {
    const { id } = await start('callout', { reference: 'call-1' });
    expect(await status(id)).not.toHaveProperty('price');
    await report(id, { method: 'callout', callout: { code: '4567' } });
    expect(await status(id)).toMatchObject({
      id,
      method: 'callout',
      status: 'SUCCESSFUL',
      countryId: 'SE',
      callComplete: true,
      callResult: 'COMPLETED',
      identity: { type: 'number', endpoint: NUMBER },
      verificationTimestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/),
      price: { verificationPrice: { currencyId: 'EUR', amount: 0.039 }, terminationPrice: { currencyId: 'EUR', amount: 0.0125 }, billableDuration: 12 },
    });
  });

  it('answers 404 40400 for unknown ids, references and identities', async () => {
    for (const path of ['/verification/v1/verifications/id/unknown', '/verification/v1/verifications/reference/unknown', `/verification/v1/verifications/sms/number/${NUMBER}`]) {
      const response = await send('GET', path);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ status: '404 ResourceNotFound', errorCode: 40400, message: 'Requested resource not found' });
    }
  });

  it('validates starts the way seed 002 words it', async () => {
    const cases: Array<[unknown, number]> = [
      [{ method: 'sms' }, 40002],
      [startBody('sms', '46701234567'), 40005],
      [startBody('sms', '+4613'), 40003],
      [startBody('carrier-pigeon', NUMBER), 40001],
      [startBody('seamless', '+46701230000'), 40300],
    ];
    for (const [body, errorCode] of cases) {
      const response = await send('POST', START, { body });
      expect(response.body.errorCode, JSON.stringify(body)).toBe(errorCode);
      expect(response.status).toBe(Math.floor(errorCode / 100));
    }
  });

  it('completes a seamless verification when the device calls the target URI', async () => {
    const { id, seamless } = (await start('seamless')) as { id: string; seamless: { targetUri: string } };
    expect((await fetch(seamless.targetUri)).status).toBe(200);
    expect((await status(id)).status).toBe('SUCCESSFUL');
  });

  it('logs every Verification request under the VERIFICATION service, and lists secrets for tests', async () => {
    const { id } = await start('sms');
    const requests = await admin.requests('VERIFICATION');
    expect(requests.map((entry) => entry.route)).toEqual(['POST /verification/v1/verifications']);
    const listed = (await (await fetch(`${simulator.url}/__admin/verification/verifications`)).json()) as { verifications: Array<{ id: string; expected: string }> };
    expect(listed.verifications).toEqual([expect.objectContaining({ id, expected: '4567' })]);
  });
});
