import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { VERIFICATION_ERROR_NAMES, VERIFICATION_SEED_MESSAGES, type VerificationErrorCode } from '../../../src/simulator/verification/verificationErrors.js';
import { verificationTroubleNumber } from '../../../src/simulator/verification/verificationTroubleNumbers.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { createVerificationTestClient, startBody, type VerificationTestClient } from './verificationTestClient.js';

const START = '/verification/v1/verifications';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Seed 002's envelope: the HTTP status and the seed's name in `status`, the heading code, the seed's message. */
function seedEnvelope(errorCode: VerificationErrorCode) {
  const httpStatus = Math.floor(errorCode / 100);
  return { status: `${httpStatus} ${VERIFICATION_ERROR_NAMES[errorCode]}`, errorCode, message: VERIFICATION_SEED_MESSAGES[errorCode], reference: expect.stringMatching(UUID) };
}

describe('Verification simulator: every error of seed 002 on demand', () => {
  let simulator: RunningSimulator;
  let send: VerificationTestClient;
  let admin: SimulatorAdmin;

  beforeAll(async () => {
    simulator = await startSimulator();
    send = createVerificationTestClient(simulator.url);
    admin = new SimulatorAdmin(simulator.url);
  });
  beforeEach(() => admin.reset());
  afterAll(() => simulator.close());

  const codes = Object.keys(VERIFICATION_ERROR_NAMES).map(Number) as VerificationErrorCode[];

  it.each(codes)('answers a start to the trouble number for %i with exactly the seed error', async (errorCode) => {
    for (const method of ['sms', 'flashcall', 'callout', 'seamless', 'whatsapp']) {
      const response = await send('POST', START, { body: startBody(method, verificationTroubleNumber(errorCode)) });
      expect(response.status).toBe(Math.floor(errorCode / 100));
      expect(response.body).toEqual(seedEnvelope(errorCode));
    }
  });

  it('resolves the seed sample defects in favour of the heading code (40005, 50300, 40303)', async () => {
    const missingPlus = await send('POST', START, { body: startBody('sms', '46701234567') });
    expect([missingPlus.status, missingPlus.body]).toEqual([400, seedEnvelope(40005)]);
    const down = await send('POST', START, { body: startBody('sms', verificationTroubleNumber(50300)) });
    expect([down.status, down.body.errorCode, down.body.status]).toEqual([503, 50300, '503 TemporaryDown']);
    const restricted = await send('POST', START, { body: startBody('sms', verificationTroubleNumber(40303)) });
    expect([restricted.status, restricted.body.status]).toEqual([403, '403 RestrictedAction']);
  });

  it('refuses a fifth start to one number within a minute (42901), not to another number, and forgets on reset', async () => {
    for (let start = 0; start < 4; start += 1) {
      expect((await send('POST', START, { body: startBody('sms', '+46700042901') })).status).toBe(200);
    }
    const fifth = await send('POST', START, { body: startBody('sms', '+46700042901') });
    expect([fifth.status, fifth.body]).toEqual([429, seedEnvelope(42901)]);
    expect(fifth.headers.get('retry-after')).toBe('60');
    const otherMethod = await send('POST', START, { body: startBody('callout', '+46700042901') });
    expect(otherMethod.status).toBe(429);
    expect((await send('POST', START, { body: startBody('sms', '+46700042902') })).status).toBe(200);
    await admin.reset();
    expect((await send('POST', START, { body: startBody('sms', '+46700042901') })).status).toBe(200);
  });

  it('refuses an SMS code that is not 1 to 10 of A-Z, a-z, 0-9 and -, before looking the verification up', async () => {
    for (const code of ['12#4', '12345678901', 'ab cd']) {
      const response = await send('PUT', '/verification/v1/verifications/number/+46700040001', { body: { method: 'sms', sms: { code } } });
      expect([response.status, response.body]).toEqual([400, seedEnvelope(40001)]);
    }
    const unknown = await send('PUT', '/verification/v1/verifications/number/+46700040001', { body: { method: 'sms', sms: { code: 'ab-12' } } });
    expect([unknown.status, unknown.body]).toEqual([404, seedEnvelope(40400)]);
  });

  it('answers a malformed number with 40003 "Phone number invalid" and a missing one with 40002', async () => {
    const invalid = await send('POST', START, { body: startBody('sms', '+4613') });
    expect([invalid.status, invalid.body]).toEqual([400, seedEnvelope(40003)]);
    const missing = await send('POST', START, { body: { method: 'sms', identity: { type: 'number' } } });
    expect([missing.status, missing.body]).toEqual([400, seedEnvelope(40002)]);
  });

  it('answers an unknown Verification path in the Verification envelope', async () => {
    const response = await send('GET', '/verification/v1/nothing-here');
    expect([response.status, response.body]).toEqual([404, seedEnvelope(40400)]);
    const wrongMethod = await send('DELETE', START);
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    expect(wrongMethod.body).toMatchObject({ status: '405 MethodNotAllowed', errorCode: 40500 });
  });
});
