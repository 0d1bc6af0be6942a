import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { startNumbersTestGateway } from './numbersTestGateway.js';
import type { NumbersTestGateway } from './numbersTestGateway.js';

const PHONE = SEEDED_PHONE_NUMBERS.provisioned[0];
const ADDRESS = { streetNumber: '12345', streetInfo: 'Main Street', city: 'Springfield', state: 'IL', postalCode: '62701' };

const NUMBER = /* GraphQL */ `
  query Number($phoneNumber: PhoneNumber!) {
    number(phoneNumber: $phoneNumber) {
      phoneNumber displayName type capabilities nextChargeDate paymentIntervalMonths
      money { currencyCode amount }
      sms { servicePlanId scheduledProvisioning { status rawStatus errors { ... on ProvisioningErrorDetails { upstreamCode } } } }
    }
  }
`;

describe('Numbers API answers 200 with an undocumented body', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  /** The next Numbers call to `path` answers 200 with `body` as JSON. */
  function answer(path: string, body: unknown, method?: string): Promise<string> {
    return gateway.admin.addFault({ path, method, status: 200, body, headers: { 'content-type': 'application/json' }, times: 1 });
  }

  async function readNumber(number: Record<string, unknown>) {
    await answer(`/activeNumbers/\\${PHONE}$`, { phoneNumber: PHONE, ...number });
    const response = await gateway.query<{ number: Record<string, unknown> | null }>(NUMBER, { phoneNumber: PHONE });
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.number;
  }

  describe('a broken structure fails the field as UPSTREAM_BAD_RESPONSE from NUMBERS', () => {
    const number = `query { number(phoneNumber: "${PHONE}") { phoneNumber } }`;
    const numbers = '{ numbers { nodes { phoneNumber capabilities } } }';
    const input = { phoneNumber: PHONE, displayName: 'HQ', address: ADDRESS };

    it.each([
      ['activeNumbers is not a list', '/activeNumbers$', { activeNumbers: 'abc' }, numbers, 'numbers', undefined],
      ['an active number is null', '/activeNumbers$', { activeNumbers: [null] }, numbers, 'numbers', undefined],
      ['an active number has no phoneNumber', '/activeNumbers$', { activeNumbers: [{ displayName: 'x' }] }, numbers, 'numbers', undefined],
      ['phoneNumber is not a string', `/activeNumbers/\\${PHONE}$`, { phoneNumber: 12015550101 }, number, 'number', undefined],
      ['the body is a list', `/activeNumbers/\\${PHONE}$`, [{ phoneNumber: PHONE }], number, 'number', undefined],
      ['a PATCH answer without its number', `/activeNumbers/\\${PHONE}$`, {}, `mutation { updateNumber(input: { phoneNumber: "${PHONE}", displayName: "x" }) { phoneNumber } }`, 'updateNumber', undefined],
      ['a release answer without its number', `/activeNumbers/\\${PHONE}:release$`, { displayName: 'x' }, `mutation { releaseNumber(phoneNumber: "${PHONE}") { phoneNumber } }`, 'releaseNumber', undefined],
      ['availableNumbers is not a list', '/availableNumbers$', { availableNumbers: { phoneNumber: PHONE } }, '{ availableNumbers(regionCode: "US", type: LOCAL) { phoneNumber } }', 'availableNumbers', undefined],
      ['a region has no regionCode', '/availableRegions$', { availableRegions: [{ regionName: 'Nowhere' }] }, '{ availableRegions { regionCode } }', 'availableRegions', undefined],
      ['the callback configuration is a string', '/callbackConfiguration$', '"secret"', '{ callbackConfiguration { projectId } }', 'callbackConfiguration', undefined],
      ['a number order has no id', '/numberOrders/order-1$', { state: 'CREATED' }, '{ numberOrder(id: "order-1") { id } }', 'numberOrder', undefined],
      ['an ordered number is not an object', '/numberOrders/order-1$', { idNumberOrder: 'order-1', orderNumbers: ['+12015550101'] }, '{ numberOrder(id: "order-1") { id } }', 'numberOrder', undefined],
      ['the emergency address is a list', '/emergencyAddress$', [], `{ emergencyAddress(phoneNumber: "${PHONE}") { city } }`, 'emergencyAddress', undefined],
      ['a validation answer is a number', '/emergencyAddress:validate$', 42, 'mutation ($input: EmergencyAddressInput!) { validateEmergencyAddress(input: $input) { result } }', 'validateEmergencyAddress', { input }],
    ])('%s', async (_name, path, body, document, field, variables) => {
      await answer(path, body);
      const response = await gateway.query(document, variables);
      expect(response.body.data?.[field] ?? null).toBeNull();
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors?.[0]).toMatchObject({
        path: [field],
        message: 'The Sinch Numbers API returned a response that is not its documented format',
        extensions: { code: 'UPSTREAM_BAD_RESPONSE', upstream: { service: 'NUMBERS', httpStatus: 200, retryable: false } },
      });
    });
  });

  describe('an optional field of the wrong type is dropped, not the number', () => {
    it('reads capability "SMS" (a string, not a list) as no capabilities', async () => {
      expect(await readNumber({ capability: 'SMS', displayName: 'Kept' })).toMatchObject({ phoneNumber: PHONE, displayName: 'Kept', capabilities: [] });
    });

    it('keeps the string items of a capability list and drops the others', async () => {
      expect(await readNumber({ capability: [null, 'VOICE', 7] })).toMatchObject({ capabilities: ['VOICE'] });
    });

    it('reads errorCodes "X" as no codes, and drops the null of [null, code]', async () => {
      const scheduled = (errorCodes: unknown) => ({ smsConfiguration: { servicePlanId: 'plan-1', scheduledProvisioning: { status: 'FAILED', errorCodes } } });
      expect(await readNumber(scheduled('X'))).toMatchObject({ sms: { servicePlanId: 'plan-1', scheduledProvisioning: { status: 'FAILED', errors: [] } } });
      expect(await readNumber(scheduled([null, 'SMS_PROVISIONING_FAILED']))).toMatchObject({
        sms: { scheduledProvisioning: { errors: [{ upstreamCode: 'SMS_PROVISIONING_FAILED' }] } },
      });
    });

    it('drops a non-string date, a non-number interval, a non-object price and a non-object SMS configuration', async () => {
      expect(await readNumber({ displayName: 'Kept', nextChargeDate: 20261202, paymentIntervalMonths: 'monthly', money: 'USD 2.00', smsConfiguration: 'plan-1' })).toEqual({
        phoneNumber: PHONE,
        displayName: 'Kept',
        type: null,
        capabilities: [],
        nextChargeDate: null,
        paymentIntervalMonths: null,
        money: null,
        sms: null,
      });
    });

    it('keeps enum values newer than the schema: UNSPECIFIED or null, with the raw text', async () => {
      expect(await readNumber({ type: 'SHORT_CODE', smsConfiguration: { servicePlanId: 'plan-1', scheduledProvisioning: { status: 'PAUSED', errorCodes: ['BRAND_NEW_CODE'] } } })).toMatchObject({
        type: null,
        sms: { scheduledProvisioning: { status: 'UNSPECIFIED', rawStatus: 'PAUSED', errors: [{ upstreamCode: 'BRAND_NEW_CODE' }] } },
      });
    });
  });

  describe('DateTime fields', () => {
    it('serialise an unparseable upstream date as null, never as an invented value', async () => {
      expect(await readNumber({ nextChargeDate: 'garbage' })).toMatchObject({ nextChargeDate: null });
    });

    it('publish a valid upstream date in UTC with milliseconds, a zone-less one read as UTC', async () => {
      expect(await readNumber({ nextChargeDate: '2026-12-02T09:00:00.123456' })).toMatchObject({ nextChargeDate: '2026-12-02T09:00:00.123Z' });
    });
  });
});
