import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

const E164 = 'PhoneNumber must be in E.164 format';

describe('Custom scalars: a refused value is BAD_USER_INPUT with its argument, inline or through a variable', () => {
  let gateway: TestGateway;
  let admin: SimulatorAdmin;

  beforeAll(async () => {
    gateway = await startTestGateway();
    admin = new SimulatorAdmin(gateway.simulatorUrl);
  });
  afterAll(() => gateway.close());
  beforeEach(() => admin.clearRequests());

  it.each([
    ['an inline argument', '{ number(phoneNumber: "12") { phoneNumber } }', undefined, 'phoneNumber'],
    ['a variable', 'query ($p: PhoneNumber!) { number(phoneNumber: $p) { phoneNumber } }', { p: '12' }, 'phoneNumber'],
    ['an inline input field', 'mutation { updateNumber(input: { phoneNumber: "+1 201" }) { phoneNumber } }', undefined, 'input.phoneNumber'],
    ['a variable in an input field', 'mutation ($p: PhoneNumber!) { updateNumber(input: { phoneNumber: $p }) { phoneNumber } }', { p: '+1٢٠١' }, 'input.phoneNumber'],
    ['a whole input object in a variable', 'mutation ($i: UpdateNumberInput!) { updateNumber(input: $i) { phoneNumber } }', { i: { phoneNumber: 'x' } }, 'input'],
    ['a number literal', '{ number(phoneNumber: 12015550144) { phoneNumber } }', undefined, 'phoneNumber'],
  ])('answers HTTP 400 BAD_USER_INPUT with argumentName for %s, before any upstream call', async (_label, document, variables, argumentName) => {
    const response = await gateway.query(document, variables);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining(E164), locations: [expect.any(Object)], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName }) }),
    ]);
    expect(await admin.requests()).toEqual([]);
  });

  it('does the same over WebSocket, with the request id on every error', async () => {
    const client = createClient({ url: `${gateway.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    const errorsOf = (payload: { query: string; variables?: Record<string, unknown> }) =>
      new Promise<unknown>((resolve) => {
        client.subscribe(payload, { next: (result) => resolve(result.errors), error: resolve, complete: () => undefined });
      });
    const inline = await errorsOf({ query: 'subscription { numberProvisioningChanged(phoneNumber: "12") { status } }' });
    const variable = await errorsOf({ query: 'subscription ($p: PhoneNumber!) { numberProvisioningChanged(phoneNumber: $p) { status } }', variables: { p: '12' } });
    const invalid = await errorsOf({ query: 'subscription { nothing }' });
    const missing = await errorsOf({ query: 'subscription ($p: PhoneNumber!) { numberProvisioningChanged(phoneNumber: $p) { status } }' });
    await client.dispose();
    for (const errors of [inline, variable]) {
      expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'phoneNumber', requestId: expect.stringMatching(/^ws-[0-9a-f-]{36}-/) } })]);
    }
    expect(missing).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(invalid).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: expect.stringMatching(/^ws-/) }) })]);
  });
});
