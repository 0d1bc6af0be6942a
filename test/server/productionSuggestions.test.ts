import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

const SUGGESTION = /did you mean/i;
const FOLLOW_FIELDS = 'source number { phoneNumber }';

/** Every HTTP request below draws a "Did you mean" from graphql-js outside production. */
const HTTP_CASES: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  { name: 'an enum variable with a near-miss value', query: 'query($t: NumberType!) { availableNumbers(regionCode: "US", type: $t) { phoneNumber } }', variables: { t: 'MOBIL' } },
  { name: 'an enum list variable with a near-miss item', query: 'query($c: [NumberCapability!]) { availableNumbers(regionCode: "US", type: MOBILE, capabilities: $c) { phoneNumber } }', variables: { c: ['SMSS'] } },
  { name: 'an input variable with a near-miss field', query: 'query($f: NumberFilter) { numbers(filter: $f) { totalCount } }', variables: { f: { regionCod: 'US' } } },
  { name: 'a nested input variable with a near-miss field', query: 'query($f: NumberFilter) { numbers(filter: $f) { totalCount } }', variables: { f: { pattern: { patern: '20' } } } },
  { name: 'a nested enum variable with a near-miss value', query: 'query($f: NumberFilter) { numbers(filter: $f) { totalCount } }', variables: { f: { pattern: { pattern: '20', searchPattern: 'STAR' } } } },
  { name: 'a near-miss variable type', query: 'query($t: NumberTyp!) { availableNumbers(regionCode: "US", type: $t) { phoneNumber } }', variables: { t: 'MOBILE' } },
  { name: 'a near-miss enum literal', query: '{ availableNumbers(regionCode: "US", type: MOBIL) { phoneNumber } }' },
  { name: 'a near-miss argument', query: '{ numbers(firts: 2) { totalCount } }' },
];

/** Every subscription below draws a "Did you mean" from graphql-js outside production. */
const WEBSOCKET_CASES: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  { name: 'a near-miss field', query: `subscription { numberProvisioningChanged(phoneNumber: "+12025550100") { sourc } }` },
  { name: 'a near-miss argument', query: `subscription { numberProvisioningChanged(phoneNumbr: "+12025550100") { ${FOLLOW_FIELDS} } }` },
  { name: 'a near-miss root field', query: `subscription { numberProvisioningChange(phoneNumber: "+12025550100") { ${FOLLOW_FIELDS} } }` },
  { name: 'a near-miss variable type', query: `subscription($p: PhoneNumbr!) { numberProvisioningChanged(phoneNumber: $p) { ${FOLLOW_FIELDS} } }`, variables: { p: '+12025550100' } },
  { name: 'a near-miss fragment type', query: `subscription { numberProvisioningChanged(phoneNumber: "+12025550100") { ... on ProvisioningEvnt { source } } }` },
];

async function subscriptionErrors(gateway: TestGateway, payload: { query: string; variables?: Record<string, unknown> }): Promise<Array<{ message: string; extensions?: Record<string, unknown> }>> {
  const client = createClient({ url: `${gateway.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    return await new Promise((resolve, reject) => {
      const errors: Array<{ message: string; extensions?: Record<string, unknown> }> = [];
      client.subscribe(payload, {
        next: (result) => errors.push(...((result.errors ?? []) as typeof errors)),
        error: (error) => (Array.isArray(error) ? resolve([...errors, ...(error as typeof errors)]) : reject(error as Error)),
        complete: () => resolve(errors),
      });
    });
  } finally {
    await client.dispose();
  }
}

describe('NODE_ENV=production: no schema suggestions on either transport', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true' } });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it.each(HTTP_CASES)('HTTP: refuses $name without a suggestion', async ({ query, variables }) => {
    const response = await gateway.query(query, variables);
    expect(response.status).toBe(400);
    expect(response.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(response.body)).not.toMatch(SUGGESTION);
  });

  it.each(WEBSOCKET_CASES)('WebSocket: refuses $name without a suggestion', async (payload) => {
    const errors = await subscriptionErrors(gateway, payload);
    expect(errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(errors)).not.toMatch(SUGGESTION);
  });
});

describe('Outside production: the same mistakes are answered with suggestions', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'development' } });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it.each(HTTP_CASES)('HTTP: suggests for $name', async ({ query, variables }) => {
    expect(JSON.stringify((await gateway.query(query, variables)).body)).toMatch(SUGGESTION);
  });

  it.each(WEBSOCKET_CASES)('WebSocket: suggests for $name', async (payload) => {
    expect(JSON.stringify(await subscriptionErrors(gateway, payload))).toMatch(SUGGESTION);
  });
});
