import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNumbersTestGateway } from './numbersTestGateway.js';
import type { NumbersTestGateway } from './numbersTestGateway.js';

/** Values that would change an upstream URL if they reached a path, or that are not ASCII E.164. */
const HOSTILE_PHONE_NUMBERS = [
  '+1/../../x',
  '+12025550134/../../callbackConfiguration',
  '%2F',
  '+1%2F2025550134',
  '%2B12025550134',
  '+12025550134?x=1',
  '+12025550134#',
  '+12025550134:release',
  '+1202555\u00000134',
  '+1202555\n0134',
  '+1202555\u200b0134',
  ' +12025550134',
  '+\uFF11\uFF12\uFF10\uFF12\uFF15\uFF15\uFF15\uFF10\uFF11\uFF13\uFF14',
  '+\u0661\u0662\u0660\u0662\u0665\u0665\u0665\u0660\u0661\u0663\u0664',
];

const OPERATIONS: Array<[string, string, (phoneNumber: string) => Record<string, unknown>]> = [
  ['number', 'query($p: PhoneNumber!) { number(phoneNumber: $p) { phoneNumber } }', (p) => ({ p })],
  ['availableNumber', 'query($p: PhoneNumber!) { availableNumber(phoneNumber: $p) { phoneNumber } }', (p) => ({ p })],
  ['releaseNumber', 'mutation($p: PhoneNumber!) { releaseNumber(phoneNumber: $p) { phoneNumber } }', (p) => ({ p })],
  ['updateNumber', 'mutation($i: UpdateNumberInput!) { updateNumber(input: $i) { phoneNumber } }', (p) => ({ i: { phoneNumber: p, displayName: 'x' } })],
  ['rentNumber', 'mutation($i: RentNumberInput!) { rentNumber(input: $i) { phoneNumber } }', (p) => ({ i: { phoneNumber: p } })],
  ['resubmitProvisioning', 'mutation($i: ResubmitProvisioningInput!) { resubmitProvisioning(input: $i) { phoneNumber } }', (p) => ({ i: { phoneNumber: p } })],
];

describe('Numbers: path injection through phone numbers', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  describe.each(OPERATIONS)('%s', (_name, document, variables) => {
    it.each(HOSTILE_PHONE_NUMBERS)('rejects %j with BAD_USER_INPUT and makes no upstream call', async (phoneNumber) => {
      const response = await gateway.query(document, variables(phoneNumber));
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
      expect(await gateway.numbersCalls()).toEqual([]);
    });
  });

  it.each(HOSTILE_PHONE_NUMBERS)('rejects %j written inline in the document too', async (phoneNumber) => {
    const response = await gateway.query(`{ number(phoneNumber: ${JSON.stringify(phoneNumber)}) { phoneNumber } }`);
    expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual([expect.stringMatching(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/)]);
    expect(await gateway.numbersCalls()).toEqual([]);
  });
});
