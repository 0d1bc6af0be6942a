import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_NUMBER_COUNT, SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/startSimulator.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient, type NumbersTestClient } from './numbersTestClient.js';

type Listed = { phoneNumber: string; displayName: string; regionCode: string; type: string; capability: string[] };

describe('Numbers simulator: listing, filters, paging and request parsing', () => {
  let simulator: RunningSimulator;
  let numbers: NumbersTestClient;

  beforeAll(async () => {
    simulator = await startSimulator({ provisioning: 'manual' });
    numbers = createNumbersTestClient(simulator.url, BASIC_AUTHORIZATION);
  });
  afterAll(() => simulator.close());

  async function listAll(query: string): Promise<{ numbers: Listed[]; totalSizes: number[]; pages: number }> {
    const collected: Listed[] = [];
    const totalSizes: number[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const response = await numbers.get(`/activeNumbers?${query}${pageToken === '' ? '' : `&pageToken=${pageToken}`}`);
      expect(response.status).toBe(200);
      collected.push(...response.body.activeNumbers);
      totalSizes.push(response.body.totalSize);
      pageToken = response.body.nextPageToken;
      pages += 1;
    } while (pageToken !== '');
    return { numbers: collected, totalSizes, pages };
  }

  it('pages with pageSize and pageToken, ending with an empty nextPageToken and a stable totalSize', async () => {
    const { numbers: listed, totalSizes, pages } = await listAll('pageSize=10');
    expect(pages).toBe(8);
    expect(new Set(totalSizes)).toEqual(new Set([SEEDED_NUMBER_COUNT]));
    expect(listed.map((number) => number.phoneNumber)).toEqual([...listed.map((number) => number.phoneNumber)].sort());
  });

  it('filters by regionCode, type and capability', async () => {
    expect((await listAll('regionCode=GB')).numbers.map((number) => number.phoneNumber)).toEqual([...SEEDED_PHONE_NUMBERS.unitedKingdom].sort());
    expect((await listAll('type=TOLL_FREE')).numbers.map((number) => number.phoneNumber)).toEqual([...SEEDED_PHONE_NUMBERS.tollFree]);
    const voiceless = (await listAll('regionCode=SE&capability=VOICE')).numbers;
    expect(voiceless).toEqual([]);
    const faxCapable = (await listAll('capability=VOICE&capability=SMS')).numbers;
    expect(faxCapable.some((number) => (SEEDED_PHONE_NUMBERS.fax as readonly string[]).includes(number.phoneNumber))).toBe(false);
  });

  it('filters by numberPattern with START, CONTAINS and END', async () => {
    expect((await listAll('numberPattern.pattern=%2B4477&numberPattern.searchPattern=START')).numbers).toHaveLength(3);
    expect((await listAll('numberPattern.pattern=0157&numberPattern.searchPattern=END')).numbers.map((number) => number.phoneNumber)).toEqual([
      SEEDED_PHONE_NUMBERS.failedWithTwoCodes,
    ]);
    expect((await listAll('numberPattern.pattern=7017406&numberPattern.searchPattern=CONTAINS')).numbers).toHaveLength(2);
  });

  it('orders by displayName when asked', async () => {
    const names = (await listAll('orderBy=displayName&regionCode=US')).numbers.map((number) => number.displayName);
    expect(names).toEqual([...names].sort((left, right) => left.localeCompare(right)));
  });

  it.each([
    ['type=LANDLINE', 'type'],
    ['capability=MMS', 'capability'],
    ['orderBy=price', 'orderBy'],
    ['pageSize=-1', 'pageSize'],
    ['pageToken=garbage', 'pageToken'],
    ['numberPattern.searchPattern=AROUND&numberPattern.pattern=1', 'numberPattern.searchPattern'],
  ])('rejects %s with INVALID_ARGUMENT on field %s', async (query, field) => {
    const response = await numbers.get(`/activeNumbers?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].fieldViolations[0].field).toBe(field);
  });

  it('accepts a literal + and %2B in phone-number path segments, and an encoded colon before a verb', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[0];
    const encoded = phoneNumber.replace('+', '%2B');
    expect((await numbers.get(`/activeNumbers/${phoneNumber}`)).body.phoneNumber).toBe(phoneNumber);
    expect((await numbers.get(`/activeNumbers/${encoded}`)).body.phoneNumber).toBe(phoneNumber);
    expect((await numbers.post(`/activeNumbers/${encoded}%3Arelease`)).status).toBe(200);
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const response = await numbers.send('DELETE', `/activeNumbers/${SEEDED_PHONE_NUMBERS.provisioned[1]}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('PATCH');
    expect(response.body.error.code).toBe(405);
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await numbers.send('PATCH', `/activeNumbers/${SEEDED_PHONE_NUMBERS.provisioned[1]}`, 'displayName=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
  });

  it('rejects unknown fields like the proto JSON parser does', async () => {
    const response = await numbers.patch(`/activeNumbers/${SEEDED_PHONE_NUMBERS.provisioned[1]}`, { displayName: 'x', nickname: 'y' });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].fieldViolations[0]).toEqual({ field: 'nickname', description: 'unknown field "nickname"' });
  });

  it('answers an unknown path with 404', async () => {
    expect((await numbers.get('/nothingHere')).status).toBe(404);
  });

  it('searches available numbers deterministically and hides rented ones', async () => {
    const first = await numbers.get('/availableNumbers?regionCode=US&type=LOCAL&size=3');
    const again = await numbers.get('/availableNumbers?regionCode=US&type=LOCAL&size=3');
    expect(first.body).toEqual(again.body);
    expect(first.body.availableNumbers).toHaveLength(3);
    const [taken] = first.body.availableNumbers as { phoneNumber: string }[];
    expect((await numbers.post(`/availableNumbers/${taken?.phoneNumber}:rent`, {})).status).toBe(200);
    const after = await numbers.get('/availableNumbers?regionCode=US&type=LOCAL&size=3');
    expect(after.body.availableNumbers.map((number: { phoneNumber: string }) => number.phoneNumber)).not.toContain(taken?.phoneNumber);
    expect((await numbers.get(`/availableNumbers/${taken?.phoneNumber}`)).status).toBe(404);
  });

  it('refuses :rent outside US LOCAL', async () => {
    const [mobile] = (await numbers.get('/availableNumbers?regionCode=GB&type=MOBILE&size=1')).body.availableNumbers as { phoneNumber: string }[];
    const response = await numbers.post(`/availableNumbers/${mobile?.phoneNumber}:rent`, {});
    expect(response.status).toBe(400);
  });
});
