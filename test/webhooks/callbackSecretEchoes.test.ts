import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { SIMULATOR_PROJECT_ID } from '../../src/simulator/simulatorCredentials.js';
import { CALLBACK_SECRET, startProvisioningGateway } from '../subscriptions/support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from '../subscriptions/support/startProvisioningGateway.js';

const NUMBER = 'query ($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber } }';

describe('Callback secrets read from Sinch: known to the scrubber from the first read', () => {
  let gateway: ProvisioningTestGateway;

  beforeAll(async () => {
    gateway = await startProvisioningGateway();
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('scrubs the hmacSecret the webhook read from Sinch out of a later upstream error', async () => {
    // A callback (badly signed) makes the webhook read the project's secret from Sinch.
    const callback = await request(gateway.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sinch-signature': '0'.repeat(40) },
      body: JSON.stringify({ projectId: SIMULATOR_PROJECT_ID, eventId: 'e1' }),
    });
    expect(callback.statusCode).toBe(401);
    await callback.body.dump();

    await gateway.admin.addFault({ path: 'activeNumbers/', times: 1, status: 400, body: { error: { code: 400, status: 'INVALID_ARGUMENT', message: `callbacks are signed with ${CALLBACK_SECRET}` } } });
    const response = await gateway.query(NUMBER, { phoneNumber: SEEDED_PHONE_NUMBERS.provisioned[0] });
    expect(JSON.stringify(response.body)).not.toContain(CALLBACK_SECRET.slice(0, 12));
    expect(response.body.errors?.[0]?.extensions?.['upstream']).toMatchObject({ message: 'callbacks are signed with [redacted]' });
  });
});
