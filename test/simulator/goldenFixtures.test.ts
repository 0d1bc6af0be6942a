import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/startSimulator.js';
import activeNumbersListLight from '../fixtures/numbers/active-numbers-list-light.json' with { type: 'json' };
import availableNumbersGet from '../fixtures/numbers/available-numbers-get.json' with { type: 'json' };
import availableRegionsList from '../fixtures/numbers/available-regions-list.json' with { type: 'json' };
import callbackConfiguration from '../fixtures/numbers/event-destination-response.json' with { type: 'json' };
import rtcSwitchToFax from '../fixtures/numbers/VoiceConfigurationDtoRTCSwitchToFAX.json' with { type: 'json' };
import { BASIC_AUTHORIZATION, createNumbersTestClient, type NumbersTestClient } from './numbersTestClient.js';

/**
 * Reduces a JSON value to its shape: keys and JSON types, arrays by their first item. Two
 * documents with the same shape parse the same way in the SDKs whose contract tests the
 * fixtures come from.
 */
function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, shapeOf(item)]).sort());
  }
  return typeof value;
}

describe('Numbers simulator: output has the shape of the SDKs\' golden fixtures', () => {
  let simulator: RunningSimulator;
  let numbers: NumbersTestClient;

  beforeAll(async () => {
    simulator = await startSimulator({ provisioning: 'manual' });
    numbers = createNumbersTestClient(simulator.url, BASIC_AUTHORIZATION);
  });
  afterAll(() => simulator.close());

  it('renders a released, provisioned RTC number like active-numbers-list-light.json, plus the empty trunkId and serviceId', async () => {
    // The fixture's number carries an expireAt, which only a released number has.
    await numbers.post(`/activeNumbers/${SEEDED_PHONE_NUMBERS.provisioned[0]}:release`);
    const list = await numbers.get(`/activeNumbers?numberPattern.pattern=${SEEDED_PHONE_NUMBERS.provisioned[0].slice(1)}&numberPattern.searchPattern=START`);
    const fixture = structuredClone(activeNumbersListLight);
    // REFERENCE §4.5: the API sends all three voice identifiers; the Java fixture only kept the RTC one.
    // Our provisioned number has been provisioned for voice, so its lastUpdatedTime is a date, not null.
    Object.assign(fixture.activeNumbers[0]?.voiceConfiguration ?? {}, { trunkId: '', serviceId: '', lastUpdatedTime: 'a date' });
    expect(shapeOf(list.body)).toEqual(shapeOf(fixture));
  });

  it('renders a pending RTC → FAX switch like VoiceConfigurationDtoRTCSwitchToFAX.json', async () => {
    const number = await numbers.get(`/activeNumbers/${SEEDED_PHONE_NUMBERS.voiceRtcToFaxWaiting}`);
    const fixture = structuredClone(rtcSwitchToFax);
    Object.assign(fixture, { trunkId: '', serviceId: '' });
    expect(shapeOf(number.body.voiceConfiguration)).toEqual(shapeOf(fixture));
    expect(number.body.voiceConfiguration.scheduledVoiceProvisioning).toMatchObject({ type: 'FAX', status: 'WAITING', appId: '', trunkId: '' });
  });

  it('renders available numbers, regions and the callback configuration like their fixtures', async () => {
    const [available] = (await numbers.get('/availableNumbers?regionCode=SE&type=MOBILE&size=1')).body.availableNumbers;
    expect(shapeOf(available)).toEqual(shapeOf(availableNumbersGet));
    expect(shapeOf((await numbers.get('/availableRegions')).body)).toEqual(shapeOf(availableRegionsList));
    expect(shapeOf((await numbers.get('/callbackConfiguration')).body)).toEqual(shapeOf(callbackConfiguration));
  });
});
