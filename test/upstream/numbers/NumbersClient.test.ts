import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { UpstreamError } from '../../../src/upstream/UpstreamError.js';
import { startNumbersUpstreamHarness } from './numbersUpstreamHarness.js';
import type { NumbersUpstreamHarness } from './numbersUpstreamHarness.js';

const PREFIX = '/v1/projects/{projectId}';

describe('Numbers client: one method per endpoint', () => {
  let harness: NumbersUpstreamHarness;
  beforeAll(async () => {
    harness = await startNumbersUpstreamHarness();
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.admin.reset());

  const client = () => harness.clients.numbers;

  it('gets an active number at its route, with the + of the number unencoded', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[0];
    const number = await client().getActiveNumber(harness.scope(), phoneNumber);
    expect(number).toMatchObject({ phoneNumber, projectId: SIMULATOR_PROJECT_ID });
    expect(await harness.numbersCalls()).toEqual([
      { route: `GET ${PREFIX}/activeNumbers/{phoneNumber}`, query: {}, path: `/v1/projects/${SIMULATOR_PROJECT_ID}/activeNumbers/${phoneNumber}` },
    ]);
  });

  it('lists active numbers with filters, repeated capability keys, page size and page token', async () => {
    const first = await client().listActiveNumbers(harness.scope(), { regionCode: 'US', type: 'LOCAL', capabilities: ['SMS', 'VOICE'], pageSize: 2 });
    expect(first.activeNumbers).toHaveLength(2);
    expect(first.nextPageToken).not.toBe('');
    const second = await client().listActiveNumbers(harness.scope(), { regionCode: 'US', pageSize: 2, pageToken: first.nextPageToken });
    expect(second.activeNumbers?.[0]?.phoneNumber).not.toBe(first.activeNumbers?.[0]?.phoneNumber);
    const calls = await harness.numbersCalls();
    expect(calls.map((call) => call.route)).toEqual([`GET ${PREFIX}/activeNumbers`, `GET ${PREFIX}/activeNumbers`]);
    expect(calls[0]?.query).toEqual({ regionCode: 'US', type: 'LOCAL', capability: ['SMS', 'VOICE'], pageSize: '2' });
    expect(calls[1]?.query).toEqual({ regionCode: 'US', pageSize: '2', pageToken: first.nextPageToken });
  });

  it('searches available numbers with repeated capabilities keys and a number pattern', async () => {
    const found = await client().listAvailableNumbers(harness.scope(), {
      regionCode: 'US',
      type: 'LOCAL',
      capabilities: ['SMS', 'VOICE'],
      pattern: { pattern: '1201555', searchPattern: 'START' },
      size: 3,
    });
    expect(found).toHaveLength(3);
    expect(found.every((number) => number.phoneNumber?.startsWith('+1201555'))).toBe(true);
    expect((await harness.numbersCalls())[0]).toMatchObject({
      route: `GET ${PREFIX}/availableNumbers`,
      query: { regionCode: 'US', type: 'LOCAL', capabilities: ['SMS', 'VOICE'], 'numberPattern.pattern': '1201555', 'numberPattern.searchPattern': 'START', size: '3' },
    });
  });

  it('lists available regions with repeated types keys', async () => {
    const regions = await client().listAvailableRegions(harness.scope(), ['MOBILE', 'TOLL_FREE']);
    expect(regions.length).toBeGreaterThan(0);
    expect((await harness.numbersCalls())[0]).toMatchObject({ route: `GET ${PREFIX}/availableRegions`, query: { types: ['MOBILE', 'TOLL_FREE'] } });
  });

  it('gets and rents an available number, and rents any number', async () => {
    const [candidate] = await client().listAvailableNumbers(harness.scope(), { regionCode: 'US', type: 'LOCAL', size: 1 });
    const phoneNumber = candidate?.phoneNumber ?? '';
    expect(await client().getAvailableNumber(harness.scope(), phoneNumber)).toMatchObject({ phoneNumber });
    expect(await client().rentNumber(harness.scope(), phoneNumber, { callbackUrl: 'https://example.com/cb' })).toMatchObject({ phoneNumber, callbackUrl: 'https://example.com/cb' });
    const any = await client().rentAnyNumber(harness.scope(), { regionCode: 'US', type: 'LOCAL' });
    expect(any.phoneNumber).toMatch(/^\+1/);
    expect((await harness.numbersCalls()).map((call) => call.route)).toEqual([
      `GET ${PREFIX}/availableNumbers`,
      `GET ${PREFIX}/availableNumbers/{phoneNumber}`,
      `POST ${PREFIX}/availableNumbers/{phoneNumber}:rent`,
      `POST ${PREFIX}/availableNumbers:rentAny`,
    ]);
  });

  it('updates and releases an active number', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[1];
    expect(await client().updateActiveNumber(harness.scope(), phoneNumber, { displayName: 'Front desk' })).toMatchObject({ displayName: 'Front desk' });
    expect((await client().releaseActiveNumber(harness.scope(), phoneNumber)).expireAt).toEqual(expect.any(String));
    expect((await harness.numbersCalls()).map((call) => call.route)).toEqual([
      `PATCH ${PREFIX}/activeNumbers/{phoneNumber}`,
      `POST ${PREFIX}/activeNumbers/{phoneNumber}:release`,
    ]);
  });

  it('reads and writes the callback configuration', async () => {
    const secret = 'a'.repeat(16) + '-' + 'B'.repeat(16);
    expect(await client().updateCallbackConfiguration(harness.scope(), secret)).toEqual({ projectId: SIMULATOR_PROJECT_ID, hmacSecret: secret });
    expect(await client().getCallbackConfiguration(harness.scope())).toEqual({ projectId: SIMULATOR_PROJECT_ID, hmacSecret: secret });
  });
});

describe('Numbers client: errors', () => {
  let harness: NumbersUpstreamHarness;
  beforeAll(async () => {
    harness = await startNumbersUpstreamHarness();
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.admin.reset());

  it('turns a 404 into an UpstreamError NOT_FOUND that carries the route template, not the path', async () => {
    const failure = await harness.clients.numbers.getActiveNumber(harness.scope(), '+19995550100').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamError);
    expect(failure).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404, endpoint: `GET ${PREFIX}/activeNumbers/{phoneNumber}` });
  });

  it.each(['+1/../../x', '+12025550134?x=1', '+12025550134#', '%2B12025550134', '+1202555\u00000134', '+\uFF11\uFF12\uFF10\uFF12'])(
    'rejects the phone number %j before any call',
    async (phoneNumber) => {
      const failure = await harness.clients.numbers.getActiveNumber(harness.scope(), phoneNumber).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidInputError);
      expect(await harness.numbersCalls()).toEqual([]);
    },
  );

  it('rejects a project ID that could change the path before any call', async () => {
    const failure = await harness.clients.numbers
      .listActiveNumbers({ projectId: '../other', signal: new AbortController().signal }, {})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect(await harness.numbersCalls()).toEqual([]);
  });

  it('passes the request signal: an aborted request fails as UPSTREAM_TIMEOUT', async () => {
    const controller = new AbortController();
    controller.abort();
    const failure = await harness.clients.numbers.getActiveNumber(harness.scope(controller.signal), SEEDED_PHONE_NUMBERS.provisioned[0]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
  });

  it('refuses a 2xx without the documented JSON object as UPSTREAM_BAD_RESPONSE', async () => {
    await harness.admin.addFault({ path: 'callbackConfiguration$', method: 'GET', status: 200, body: '', times: 1 });
    const failure = await harness.clients.numbers.getCallbackConfiguration(harness.scope()).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });
});
