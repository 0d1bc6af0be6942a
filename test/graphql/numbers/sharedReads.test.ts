import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { metricTotal } from '../../support/metricTotal.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway, type TestGateway } from '../../support/startTestGateway.js';

const PAGE = '{ numbers(first: 50) { totalCount nodes { phoneNumber displayName } } }';
const NUMBER = 'query One($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber displayName } }';

const sharedReads = (gateway: TestGateway) => metricTotal(gateway, 'gateway_upstream_shared_reads_total', { service: 'NUMBERS' });

describe('Identical reads in flight through GraphQL: one upstream call', () => {
  let gateway: TestGateway;
  let admin: SimulatorAdmin;

  beforeAll(async () => {
    gateway = await startTestGateway({ simulator: { latencyMs: 150 } });
    admin = new SimulatorAdmin(gateway.simulatorUrl);
    await gateway.query(PAGE); // the OAuth token, fetched once
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('answers ten concurrent identical operations with one Numbers call, all alike', async () => {
    await admin.clearRequests();
    const before = await sharedReads(gateway);
    const responses = await Promise.all(Array.from({ length: 10 }, () => gateway.query(PAGE)));
    expect((await admin.requests('NUMBERS')).length).toBe(1);
    expect(await sharedReads(gateway)).toBe(before + 9);
    expect(new Set(responses.map((response) => JSON.stringify(response.body))).size).toBe(1);
    expect(responses[0]?.body.errors).toBeUndefined();
  });

  it('reads a number after its update anew: an update is never answered by a read sent before it', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[3] ?? '';
    // The read sent first is slow (400 ms) and answers the name from before the update.
    await admin.addFault({ method: 'GET', path: `activeNumbers/(%2B|\\+)${phoneNumber.slice(1)}$`, delayMs: 400, status: 200, body: { phoneNumber, displayName: 'Before' }, times: 1 });
    const slowRead = gateway.query<{ number: { displayName: string } }>(NUMBER, { phoneNumber });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const update = await gateway.query(`mutation { updateNumber(input: { phoneNumber: "${phoneNumber}", displayName: "Shared reads" }) { displayName } }`);
    expect(update.body.errors).toBeUndefined();
    // The slow read is still in flight, for the same number: this read must not join it.
    const after = await gateway.query<{ number: { displayName: string } }>(NUMBER, { phoneNumber });
    expect(after.body.data?.number.displayName).toBe('Shared reads');
    expect((await slowRead).body.data?.number.displayName).toBe('Before');
  });
});
