import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { createNumbersLoaders } from '../../../src/upstream/numbers/createNumbersLoaders.js';
import { primeActiveNumber } from '../../../src/upstream/numbers/primeActiveNumber.js';
import { UpstreamError } from '../../../src/upstream/UpstreamError.js';
import { startNumbersUpstreamHarness } from './numbersUpstreamHarness.js';
import type { NumbersUpstreamHarness } from './numbersUpstreamHarness.js';

const GET_ONE = 'GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}';
const LIST = 'GET /v1/projects/{projectId}/activeNumbers';

describe('Numbers loaders', () => {
  let harness: NumbersUpstreamHarness;
  beforeAll(async () => {
    harness = await startNumbersUpstreamHarness();
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.admin.reset());

  const loaders = () => createNumbersLoaders(harness.clients.numbers, harness.scope());
  const routes = async () => (await harness.numbersCalls()).map((call) => call.route);
  const [first, second] = SEEDED_PHONE_NUMBERS.provisioned;

  it('answers one value per key, in key order, fetching each distinct number once', async () => {
    const { activeNumber } = loaders();
    const numbers = await activeNumber.loadMany([second, first, second, '+19995550100']);
    expect(numbers.map((number) => (number instanceof Error || number === null ? number : number.phoneNumber))).toEqual([second, first, second, null]);
    expect(await routes()).toEqual([GET_ONE, GET_ONE, GET_ONE]);
  });

  it('answers null for a number Sinch does not know (404), and the Error for that key only on other failures', async () => {
    await harness.admin.addFault({ path: `activeNumbers/\\${second}$`, times: 0, status: 503, body: { error: { code: 503, message: 'down', status: 'UNAVAILABLE' } } });
    const [ok, failed, missing] = await loaders().activeNumber.loadMany([first, second, '+19995550100']);
    expect(ok).toMatchObject({ phoneNumber: first });
    expect(failed).toBeInstanceOf(UpstreamError);
    expect(failed).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(missing).toBeNull();
  });

  it('primes activeNumber with every listed number: listed then fetched costs the list call only', async () => {
    const numbersLoaders = loaders();
    const page = await numbersLoaders.activeNumbersPage.load({ regionCode: 'US', pageSize: 5 });
    const listed = page.activeNumbers?.map((number) => number.phoneNumber ?? '') ?? [];
    expect(listed).toHaveLength(5);
    const fetched = await numbersLoaders.activeNumber.loadMany(listed);
    expect(fetched).toEqual(page.activeNumbers);
    expect(await routes()).toEqual([LIST]);
  });

  it('lets a number asked for while a list is in flight wait for the list instead of fetching it', async () => {
    const numbersLoaders = loaders();
    const listed = SEEDED_PHONE_NUMBERS.showcase[1]; // among the first five in phone-number order
    const [page, number, unlisted] = await Promise.all([
      numbersLoaders.activeNumbersPage.load({ pageSize: 5 }),
      numbersLoaders.activeNumber.load(listed),
      numbersLoaders.activeNumber.load(SEEDED_PHONE_NUMBERS.fax[0]),
    ]);
    expect(number).toBe(page.activeNumbers?.find((listedNumber) => listedNumber.phoneNumber === listed));
    expect(unlisted).toMatchObject({ phoneNumber: SEEDED_PHONE_NUMBERS.fax[0] });
    expect(await routes()).toEqual([LIST, GET_ONE]);
  });

  it('lists once for equal queries, however their properties are ordered', async () => {
    const { activeNumbersPage } = loaders();
    await Promise.all([
      activeNumbersPage.load({ regionCode: 'US', pageSize: 3 }),
      activeNumbersPage.load({ pageSize: 3, regionCode: 'US', pageToken: undefined }),
    ]);
    expect(await routes()).toEqual([LIST]);
  });

  it('lets a mutation result replace a number already loaded', async () => {
    const numbersLoaders = loaders();
    const before = await numbersLoaders.activeNumber.load(first);
    primeActiveNumber(numbersLoaders, { ...before, displayName: 'Renamed' });
    expect(await numbersLoaders.activeNumber.load(first)).toMatchObject({ displayName: 'Renamed' });
    expect(await routes()).toEqual([GET_ONE]);
  });

  it('shares nothing between two requests', async () => {
    await loaders().activeNumber.load(first);
    await loaders().activeNumber.load(first);
    expect(await routes()).toEqual([GET_ONE, GET_ONE]);
  });
});
