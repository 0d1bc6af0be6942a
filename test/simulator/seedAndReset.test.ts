import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AVAILABLE_NUMBER_CATALOG } from '../../src/simulator/numbers/availableNumberCatalog.js';
import { listNumbersAssignedToTrunk, seedNumbersState } from '../../src/simulator/numbers/NumbersState.js';
import { SMS_ERROR_CODES } from '../../src/simulator/numbers/numbersEnums.js';
import {
  SEEDED_PHONE_NUMBERS,
  TWO_FAILURE_CODES,
  UNKNOWN_ERROR_CODE,
  UNKNOWN_PROVISIONING_STATUS,
  seedActiveNumbers,
} from '../../src/simulator/numbers/seedActiveNumbers.js';
import {
  SEEDED_TRUNK_IDS,
  SIMULATOR_APPLICATION_SECRET,
  SIMULATOR_PROJECT_ID,
} from '../../src/simulator/simulatorCredentials.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient } from './numbersTestClient.js';

const seed = seedActiveNumbers({ projectId: SIMULATOR_PROJECT_ID });
const byPhoneNumber = new Map(seed.map((record) => [record.phoneNumber, record]));
const scheduledOf = (phoneNumber: string) => byPhoneNumber.get(phoneNumber)?.smsConfiguration.scheduled;

describe('Simulator seed: deterministic data covering every provisioning state', () => {
  it('has at least 60 distinct numbers, all E.164 and mostly US', () => {
    expect(seed.length).toBeGreaterThanOrEqual(60);
    expect(byPhoneNumber.size).toBe(seed.length);
    expect(seed.every((record) => /^\+[1-9]\d{6,14}$/.test(record.phoneNumber))).toBe(true);
    expect(seed.filter((record) => record.regionCode === 'US').length / seed.length).toBeGreaterThan(0.8);
    expect(new Set(seed.map((record) => record.regionCode))).toEqual(new Set(['US', 'CA', 'GB', 'SE']));
  });

  it('is identical every time it is built', () => {
    expect(seedActiveNumbers({ projectId: SIMULATOR_PROJECT_ID })).toEqual(seed);
  });

  it.each(SMS_ERROR_CODES)('has a number FAILED with %s alone', (code) => {
    expect(scheduledOf(SEEDED_PHONE_NUMBERS.failedByCode[code])).toMatchObject({ status: 'FAILED', errorCodes: [code] });
  });

  it('has the odd cases: two codes, an unknown code, an unspecified and an unknown status', () => {
    expect(scheduledOf(SEEDED_PHONE_NUMBERS.failedWithTwoCodes)).toMatchObject({ status: 'FAILED', errorCodes: [...TWO_FAILURE_CODES] });
    expect(scheduledOf(SEEDED_PHONE_NUMBERS.failedWithUnknownCode)).toMatchObject({ status: 'FAILED', errorCodes: [UNKNOWN_ERROR_CODE] });
    expect(scheduledOf(SEEDED_PHONE_NUMBERS.statusUnspecified)?.status).toBe('PROVISIONING_STATUS_UNSPECIFIED');
    expect(scheduledOf(SEEDED_PHONE_NUMBERS.statusUnknown)?.status).toBe(UNKNOWN_PROVISIONING_STATUS);
  });

  it('has provisioned, WAITING and IN_PROGRESS SMS numbers, with pending values only under scheduledProvisioning', () => {
    expect(seed.filter((record) => record.smsConfiguration.scheduled === null && record.smsConfiguration.servicePlanId !== '').length).toBeGreaterThan(10);
    for (const [status, phoneNumbers] of [['WAITING', SEEDED_PHONE_NUMBERS.smsWaiting], ['IN_PROGRESS', SEEDED_PHONE_NUMBERS.smsInProgress]] as const) {
      for (const phoneNumber of phoneNumbers) {
        expect(byPhoneNumber.get(phoneNumber)?.smsConfiguration).toMatchObject({ servicePlanId: '', campaignId: '', scheduled: { status } });
      }
    }
  });

  it('spreads 20 or more EST numbers over the five seeded trunks, whose ids are ULIDs', () => {
    for (const trunkId of SEEDED_TRUNK_IDS) expect(trunkId).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    const state = seedNumbersState({ projectId: SIMULATOR_PROJECT_ID });
    const perTrunk = SEEDED_TRUNK_IDS.map((trunkId) => listNumbersAssignedToTrunk(state, trunkId).length);
    expect(perTrunk.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(20);
    expect(Math.min(...perTrunk)).toBeGreaterThanOrEqual(4);
  });

  it('has RTC, EST and FAX voice numbers and pending voice switches', () => {
    const types = new Set(seed.map((record) => record.voiceConfiguration.type));
    expect(types).toEqual(new Set(['RTC', 'EST', 'FAX']));
    expect(seed.filter((record) => record.voiceConfiguration.scheduled !== null).map((record) => record.phoneNumber)).toEqual([
      SEEDED_PHONE_NUMBERS.voiceRtcToFaxWaiting,
      SEEDED_PHONE_NUMBERS.voiceRtcToEstInProgress,
      SEEDED_PHONE_NUMBERS.voiceNewRtcWaiting,
    ]);
  });

  it('adds extra benchmark numbers spread over the trunks', () => {
    const state = seedNumbersState({ projectId: SIMULATOR_PROJECT_ID, extraNumbers: 1000 });
    expect(state.activeNumbers.size).toBe(seed.length + 1000);
    expect(listNumbersAssignedToTrunk(state, SEEDED_TRUNK_IDS[0]).length).toBeGreaterThanOrEqual(200);
  });

  it('offers US LOCAL SMS+VOICE available numbers that never collide with the seed', () => {
    expect(AVAILABLE_NUMBER_CATALOG.filter((number) => number.regionCode === 'US' && number.type === 'LOCAL' && number.capability.length === 2).length).toBeGreaterThan(20);
    expect(AVAILABLE_NUMBER_CATALOG.some((number) => byPhoneNumber.has(number.phoneNumber))).toBe(false);
  });

  it('defines a base64 Verification application secret', () => {
    expect(Buffer.from(SIMULATOR_APPLICATION_SECRET, 'base64').toString('base64')).toBe(SIMULATOR_APPLICATION_SECRET);
  });
});

describe('Simulator admin: reset restores the seed', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ provisioning: 'manual' });
  });
  afterAll(() => simulator.close());

  it('restores every number, the callback secret, and clears the log, faults and scripted outcomes', async () => {
    const admin = new SimulatorAdmin(simulator.url);
    const numbers = createNumbersTestClient(simulator.url, BASIC_AUTHORIZATION);
    const snapshot = async () => [(await numbers.get('/activeNumbers?pageSize=1000')).body, (await numbers.get('/callbackConfiguration')).body];
    const before = await snapshot();

    await numbers.patch(`/activeNumbers/${SEEDED_PHONE_NUMBERS.provisioned[0]}`, { displayName: 'changed', smsConfiguration: { servicePlanId: '' } });
    await numbers.post(`/activeNumbers/${SEEDED_PHONE_NUMBERS.provisioned[1]}:release`);
    await numbers.post('/availableNumbers:rentAny', { regionCode: 'US', type: 'LOCAL' });
    await numbers.patch('/callbackConfiguration', { hmacSecret: 'x'.repeat(40) });
    await admin.advance();
    await admin.scriptOutcome(SEEDED_PHONE_NUMBERS.provisioned[2], ['INTERNAL_ERROR']);
    await admin.addFault({ path: 'never-matches-anything', times: 0 });
    expect(await snapshot()).not.toEqual(before);

    await admin.reset();
    expect(await admin.requests()).toEqual([]);
    expect(await snapshot()).toEqual(before);
    await numbers.patch(`/activeNumbers/${SEEDED_PHONE_NUMBERS.provisioned[2]}`, { smsConfiguration: { servicePlanId: 'plan' } });
    await admin.advance();
    expect((await admin.advance()).find((step) => step.phoneNumber === SEEDED_PHONE_NUMBERS.provisioned[2])?.status).toBe('SUCCEEDED');
    const faults = await fetch(`${simulator.url}/__admin/faults`).then((response) => response.json());
    expect(faults).toEqual({ faults: [] });
  });
});
