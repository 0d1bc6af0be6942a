import { describe, expect, it } from 'vitest';
import fixtureAddress from '../../fixtures/numbers/emergency-address.json' with { type: 'json' };
import fixtureRequest from '../../fixtures/numbers/emergency-address-request.json' with { type: 'json' };
import nearMatchFixture from '../../fixtures/numbers/validate-address-response.json' with { type: 'json' };
import noMatchFixture from '../../fixtures/numbers/validate-address-response-no-match.json' with { type: 'json' };
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { createOpenApiValidator } from '../../support/openApiValidator.js';
import { type TestResponse } from '../numbersTestClient.js';
import { NUMBERS_SPEC_DEVIATIONS, NUMBERS_SPEC_PATH } from '../numbersSpecDeviations.js';
import { useManualSimulator } from '../useManualSimulator.js';

const PROJECT = '/v1/projects/{projectId}';
const BASE = '/activeNumbers/{phoneNumber}/emergencyAddress';
const PHONE = SEEDED_PHONE_NUMBERS.provisioned[2];
const NO_ADDRESS = { streetNumber: '', streetInfo: '', location: '', city: '', state: '', postalCode: '', postalCodePlusFour: '' };

describe('Numbers simulator: emergency addresses', () => {
  const sim = useManualSimulator();
  const validator = createOpenApiValidator(NUMBERS_SPEC_PATH, NUMBERS_SPEC_DEVIATIONS);

  function expectConforms(method: string, path: string, response: TestResponse, status = 200): void {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(validator.validateResponse(method, `${PROJECT}${path}`, status, response.body).errors).toEqual([]);
  }


  const validate = (displayName: string, address: Record<string, string>, phoneNumber = PHONE) =>
    sim.numbers.post(`/activeNumbers/${phoneNumber}/emergencyAddress:validate`, { displayName, address });

  it('reproduces the SDK NEAR_MATCH fixture: abbreviations are corrected', async () => {
    const { validatedAddress } = nearMatchFixture;
    const response = await validate(nearMatchFixture.displayName, validatedAddress);
    expectConforms('POST', `${BASE}:validate`, response);
    expect(response.body).toEqual({ ...nearMatchFixture, phoneNumber: PHONE });
  });

  it('reproduces the SDK NO_MATCH fixture: a different street in a known postal code lists candidates', async () => {
    const response = await validate(noMatchFixture.displayName, noMatchFixture.validatedAddress);
    expectConforms('POST', `${BASE}:validate`, response);
    expect(response.body).toEqual({ ...noMatchFixture, phoneNumber: PHONE });
  });

  it('answers EXACT_MATCH for the directory address as is, and for postal codes it knows no streets of', async () => {
    const exact = await validate(fixtureRequest.displayName, fixtureRequest.address);
    expectConforms('POST', `${BASE}:validate`, exact);
    expect(exact.body).toMatchObject({ validationResult: 'EXACT_MATCH', correctedAddress: NO_ADDRESS, candidateAddresses: [] });
    const elsewhere = await validate('HQ', { streetNumber: '1', streetInfo: 'Any Road', city: 'Denver', state: 'CO', postalCode: '80202' });
    expect(elsewhere.body.validationResult).toBe('EXACT_MATCH');
  });

  it.each(['00000', '123', 'ABCDE'])('answers NO_MATCH without candidates for postal code %s', async (postalCode) => {
    const response = await validate('HQ', { streetNumber: '1', streetInfo: 'Main St', city: 'Denver', state: 'CO', postalCode });
    expect(response.body).toMatchObject({ validationResult: 'NO_MATCH', candidateAddresses: [] });
  });

  it('provisions, reads and deprovisions an address', async () => {
    expectConforms('GET', BASE, await sim.numbers.get(`/activeNumbers/${PHONE}/emergencyAddress`), 404);
    const provisioned = await sim.numbers.post(`/activeNumbers/${PHONE}/emergencyAddress:provision`, fixtureRequest);
    expectConforms('POST', `${BASE}:provision`, provisioned);
    expect(provisioned.body).toEqual(fixtureAddress);
    const read = await sim.numbers.get(`/activeNumbers/${PHONE}/emergencyAddress`);
    expectConforms('GET', BASE, read);
    expect(read.body).toEqual(fixtureAddress);

    const removed = await sim.numbers.post(`/activeNumbers/${PHONE}/emergencyAddress:deprovision`);
    expect([removed.status, removed.body]).toEqual([200, undefined]);
    expect((await sim.numbers.get(`/activeNumbers/${PHONE}/emergencyAddress`)).status).toBe(404);
    expectConforms('POST', `${BASE}:deprovision`, await sim.numbers.post(`/activeNumbers/${PHONE}/emergencyAddress:deprovision`), 404);
  });

  it('stores the corrected address of a near match and refuses an address without a match', async () => {
    const near = await sim.numbers.post(`/activeNumbers/${PHONE}/emergencyAddress:provision`, {
      displayName: 'HQ',
      address: nearMatchFixture.validatedAddress,
    });
    expect(near.body).toEqual(nearMatchFixture.correctedAddress);
    const none = await sim.numbers.post(`/activeNumbers/${PHONE}/emergencyAddress:provision`, { displayName: 'HQ', address: noMatchFixture.validatedAddress });
    expectConforms('POST', `${BASE}:provision`, none, 400);
    expect((await sim.numbers.get(`/activeNumbers/${PHONE}/emergencyAddress`)).body).toEqual(nearMatchFixture.correctedAddress);
  });

  it.each([
    ['no displayName', { address: fixtureRequest.address }],
    ['no address', { displayName: 'HQ' }],
    ['no postal code', { displayName: 'HQ', address: { ...fixtureRequest.address, postalCode: '' } }],
    ['an unknown address field', { displayName: 'HQ', address: { ...fixtureRequest.address, country: 'US' } }],
  ])('refuses a request with %s', async (_case, body) => {
    expectConforms('POST', `${BASE}:validate`, await sim.numbers.post(`/activeNumbers/${PHONE}/emergencyAddress:validate`, body), 400);
  });

  it('refuses numbers outside US/CA or without voice, and answers 404 for unknown numbers', async () => {
    const swedish = await sim.numbers.post(`/activeNumbers/${SEEDED_PHONE_NUMBERS.sweden[0]}/emergencyAddress:provision`, fixtureRequest);
    expectConforms('POST', `${BASE}:provision`, swedish, 400);
    const unknown = await sim.numbers.get('/activeNumbers/+12015559999/emergencyAddress');
    expectConforms('GET', BASE, unknown, 404);
    expect(unknown.body.error.details[0]).toMatchObject({ resourceType: 'ActiveNumber' });
  });

  it('forgets provisioned addresses on reset', async () => {
    await sim.numbers.post(`/activeNumbers/${PHONE}/emergencyAddress:provision`, fixtureRequest);
    await sim.admin.reset();
    expect((await sim.numbers.get(`/activeNumbers/${PHONE}/emergencyAddress`)).status).toBe(404);
  });
});
