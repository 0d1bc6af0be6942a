import { NumbersService } from '@sinch/numbers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_NUMBER_COUNT, SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { SEED_HMAC_SECRET } from '../../src/simulator/numbers/NumbersState.js';
import {
  SEEDED_TRUNK_IDS,
  SIMULATOR_KEY_ID,
  SIMULATOR_KEY_SECRET,
  SIMULATOR_PROJECT_ID,
} from '../../src/simulator/simulatorCredentials.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';

describe('Numbers simulator: the official @sinch/numbers SDK runs against it', () => {
  let simulator: RunningSimulator;
  let admin: SimulatorAdmin;
  let sdk: NumbersService;

  beforeAll(async () => {
    simulator = await startSimulator({ provisioning: 'manual' });
    admin = new SimulatorAdmin(simulator.url);
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    await admin.reset();
    sdk = new NumbersService({
      projectId: SIMULATOR_PROJECT_ID,
      keyId: SIMULATOR_KEY_ID,
      keySecret: SIMULATOR_KEY_SECRET,
      authHostname: simulator.url,
      numbersHostname: simulator.url,
      logger: null,
    } as ConstructorParameters<typeof NumbersService>[0]);
  });

  it('fetches an OAuth token once and sends it as a Bearer token', async () => {
    await sdk.get({ phoneNumber: SEEDED_PHONE_NUMBERS.provisioned[0] });
    await sdk.get({ phoneNumber: SEEDED_PHONE_NUMBERS.provisioned[1] });
    const requests = await admin.requests();
    expect(requests.map((request) => [request.service, request.status, request.authorizationScheme])).toEqual([
      ['AUTH', 200, 'Basic'],
      ['NUMBERS', 200, 'Bearer'],
      ['NUMBERS', 200, 'Bearer'],
    ]);
  });

  it('auto-paginates through every active number with pageToken', async () => {
    const phoneNumbers: string[] = [];
    for await (const number of sdk.list({ pageSize: 7 })) phoneNumbers.push(number.phoneNumber ?? '');
    const expected = (await admin.requests('NUMBERS')).length;
    expect(phoneNumbers).toHaveLength(SEEDED_NUMBER_COUNT);
    expect(new Set(phoneNumbers).size).toBe(SEEDED_NUMBER_COUNT);
    expect(expected).toBe(Math.ceil(SEEDED_NUMBER_COUNT / 7));
  });

  it('gets a failed number with its scheduled provisioning and error codes', async () => {
    const number = await sdk.get({ phoneNumber: SEEDED_PHONE_NUMBERS.failedByCode.EXCEEDED_10DLC_LIMIT });
    expect(number.smsConfiguration?.scheduledProvisioning).toMatchObject({ status: 'FAILED', errorCodes: ['EXCEEDED_10DLC_LIMIT'] });
    expect(number.smsConfiguration?.scheduledProvisioning?.lastUpdatedTime).toBeInstanceOf(Date);
  });

  it('updates a number to an EST trunk and sees the pending job, then the result', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[2];
    const updated = await sdk.update({
      phoneNumber,
      updateActiveNumberRequestBody: { displayName: 'Moved to SIP', voiceConfiguration: { type: 'EST', trunkId: SEEDED_TRUNK_IDS[4] } },
    });
    expect(updated.displayName).toBe('Moved to SIP');
    expect(updated.voiceConfiguration).toMatchObject({ type: 'RTC', scheduledVoiceProvisioning: { type: 'EST', trunkId: SEEDED_TRUNK_IDS[4], status: 'WAITING' } });
    await admin.advance(phoneNumber);
    await admin.advance(phoneNumber);
    const done = await sdk.get({ phoneNumber });
    expect(done.voiceConfiguration).toMatchObject({ type: 'EST', trunkId: SEEDED_TRUNK_IDS[4], scheduledVoiceProvisioning: null });
  });

  it('releases a number, which then carries expireAt', async () => {
    const released = await sdk.release({ phoneNumber: SEEDED_PHONE_NUMBERS.provisioned[3] });
    expect(released.expireAt).toBeInstanceOf(Date);
  });

  it('searches available numbers with repeated capabilities and rents any', async () => {
    const search = await sdk.searchForAvailableNumbers({ regionCode: 'US', type: 'LOCAL', capabilities: ['SMS', 'VOICE'] });
    expect(search.availableNumbers?.length).toBeGreaterThan(0);
    expect(search.availableNumbers?.every((number) => number.capability?.includes('SMS'))).toBe(true);
    const rented = await sdk.rentAny({
      rentAnyNumberRequestBody: {
        regionCode: 'US',
        type: 'LOCAL',
        capabilities: ['SMS', 'VOICE'],
        smsConfiguration: { servicePlanId: 'SpaceMonkeySquadron' },
        voiceConfiguration: { appId: 'sunshine-rain-drop-very-beautifulday' },
      },
    });
    expect(rented.phoneNumber).toBe(search.availableNumbers?.[0]?.phoneNumber);
    expect(rented.smsConfiguration).toMatchObject({ servicePlanId: '', scheduledProvisioning: { servicePlanId: 'SpaceMonkeySquadron', status: 'WAITING' } });
  });

  it('lists available regions filtered by types', async () => {
    const regions = await sdk.availableRegions.list({ types: ['TOLL_FREE'] });
    expect(regions.availableRegions?.map((region) => region.regionCode)).toEqual(['US', 'CA']);
  });

  it('reads and updates the callback configuration', async () => {
    expect(await sdk.callbacks.get({})).toEqual({ projectId: SIMULATOR_PROJECT_ID, hmacSecret: SEED_HMAC_SECRET });
    const hmacSecret = 'rotated-secret-0123456789-abcdefghij';
    expect(await sdk.callbacks.update({ updateCallbackConfigurationRequestBody: { hmacSecret } })).toEqual({ projectId: SIMULATOR_PROJECT_ID, hmacSecret });
  });

  it('refreshes its token and retries once when the simulator reports it expired', async () => {
    await sdk.get({ phoneNumber: SEEDED_PHONE_NUMBERS.provisioned[0] });
    await admin.expireTokens();
    const number = await sdk.get({ phoneNumber: SEEDED_PHONE_NUMBERS.provisioned[0] });
    expect(number.phoneNumber).toBe(SEEDED_PHONE_NUMBERS.provisioned[0]);
    const requests = await admin.requests();
    expect(requests.map((request) => `${request.service} ${request.status}`)).toEqual([
      'AUTH 200',
      'NUMBERS 200',
      'NUMBERS 401',
      'AUTH 200',
      'NUMBERS 200',
    ]);
  });
});
