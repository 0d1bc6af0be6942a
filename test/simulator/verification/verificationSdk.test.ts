import { VerificationService } from '@sinch/verification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_APPLICATION_KEY, SIMULATOR_APPLICATION_SECRET } from '../../../src/simulator/simulatorCredentials.js';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';

const NUMBER = '+46701234567';
const identity = { type: 'number' as const, endpoint: NUMBER };

/** The official Node SDK (@sinch/verification 1.4.0), pointed at the simulator as Sinch's own e2e tests do. */
/**
 * This suite starts many verifications to one number; the velocity limit (five starts a minute,
 * 42901) has its own test in verificationErrorTriggers.test.ts.
 */
async function relaxVelocityLimit(simulatorUrl: string): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__admin/verification/config`, { method: 'PUT', body: JSON.stringify({ velocityLimit: 1000 }) });
  if (response.status !== 200) throw new Error(`velocity limit not relaxed: ${response.status}`);
}

describe('Verification simulator: the official Node SDK', () => {
  let simulator: RunningSimulator;
  let sinch: VerificationService;

  beforeAll(async () => {
    simulator = await startSimulator();
    await relaxVelocityLimit(simulator.url);
    sinch = new VerificationService({
      applicationKey: SIMULATOR_APPLICATION_KEY,
      applicationSecret: SIMULATOR_APPLICATION_SECRET,
      verificationHostname: simulator.url,
      logger: null,
    } as ConstructorParameters<typeof VerificationService>[0]);
  });
  afterAll(() => simulator.close());

  it('startSms, reportSmsById and getById', async () => {
    const started = await sinch.verifications.startSms({
      startVerificationWithSmsRequestBody: { identity, reference: 'sdk-sms', smsOptions: { codeType: 'Numeric', expiry: '00:05:00', locale: 'sv-SE' } },
    });
    expect(started).toMatchObject({ method: 'sms', sms: { template: 'Din verifieringskod är {{CODE}}.', interceptionTimeout: 300 } });
    const reported = await sinch.verifications.reportSmsById({ id: started.id ?? '', reportSmsVerificationByIdRequestBody: { sms: { code: '4567' } } });
    expect(reported).toMatchObject({ id: started.id, method: 'sms', status: 'SUCCESSFUL' });
    const status = await sinch.verificationStatus.getById({ id: started.id ?? '' });
    expect(status).toMatchObject({ id: started.id, method: 'sms', status: 'SUCCESSFUL', countryId: 'SE', price: { verificationPrice: { currencyId: 'EUR', amount: 0.0308 } } });
    // The SDK appends the missing Z and revives the zone-less timestamp as a Date.
    expect(status.verificationTimestamp).toBeInstanceOf(Date);
  });

  it('startFlashCall and reportFlashCallByIdentity', async () => {
    const started = await sinch.verifications.startFlashCall({
      startVerificationWithFlashCallRequestBody: { identity, flashCallOptions: { dialTimeout: 10, interceptionTimeout: 30 } },
    });
    expect(started).toMatchObject({ method: 'flashcall', flashCall: { cliFilter: '(.*)815654(.*)', interceptionTimeout: 30 } });
    const reported = await sinch.verifications.reportFlashCallByIdentity({
      endpoint: NUMBER,
      reportFlashCallVerificationByIdentityRequestBody: { flashCall: { cli: '+18156544567' } },
    });
    expect(reported).toMatchObject({ id: started.id, method: 'flashcall', status: 'SUCCESSFUL', callComplete: true });
  });

  it('startPhoneCall (callout on the wire), startCallout and reportPhoneCallById', async () => {
    const started = await sinch.verifications.startPhoneCall({
      startVerificationWithPhoneCallRequestBody: { identity, phoneCallOptions: { speech: { locale: 'en-US' } } },
    });
    expect(started).toMatchObject({ method: 'callout' });
    const reported = await sinch.verifications.reportPhoneCallById({ id: started.id ?? '', reportPhoneCallVerificationByIdRequestBody: { phoneCall: { code: '4567' } } });
    expect(reported).toMatchObject({ status: 'SUCCESSFUL' });
    const deprecated = await sinch.verifications.startCallout({ startVerificationWithCalloutRequestBody: { identity } });
    expect(deprecated).toMatchObject({ method: 'callout' });
  });

  it('startData (seamless) and startWhatsApp', async () => {
    const seamless = await sinch.verifications.startData({ startDataVerificationRequestBody: { identity } });
    expect(seamless).toMatchObject({ method: 'seamless', seamless: { targetUri: expect.stringContaining('/verification/v1/seamless/') } });
    const whatsapp = await sinch.verifications.startWhatsApp({ startVerificationWithWhatsAppRequestBody: { identity, whatsappOptions: { codeType: 'Alpha' } } });
    expect(whatsapp).toMatchObject({ method: 'whatsapp', whatsapp: { codeType: 'Alpha' } });
    expect(await sinch.verifications.reportWhatsAppById({ id: whatsapp.id ?? '', reportWhatsAppVerificationByIdRequestBody: { whatsapp: { code: 'EFGH' } } })).toMatchObject({
      status: 'SUCCESSFUL',
    });
  });

  it('getByIdentity and getByReference', async () => {
    const started = await sinch.verifications.startSms({ startVerificationWithSmsRequestBody: { identity, reference: 'sdk-lookup' } });
    expect(await sinch.verificationStatus.getByIdentity({ endpoint: NUMBER, method: 'sms' })).toMatchObject({ id: started.id, status: 'PENDING' });
    expect(await sinch.verificationStatus.getByReference({ reference: 'sdk-lookup' })).toMatchObject({ id: started.id, reference: 'sdk-lookup' });
  });

  it('surfaces the simulator errors as the SDK does for Sinch (404 40400)', async () => {
    await expect(sinch.verificationStatus.getById({ id: 'does-not-exist' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('signs every request (the simulator saw only Application-signed calls)', async () => {
    const requests = await new SimulatorAdmin(simulator.url).requests('VERIFICATION');
    expect(requests.length).toBeGreaterThan(10);
    expect(new Set(requests.map((entry) => entry.authorizationScheme))).toEqual(new Set(['Application']));
    expect(requests.every((entry) => entry.status !== 401)).toBe(true);
  });
});
