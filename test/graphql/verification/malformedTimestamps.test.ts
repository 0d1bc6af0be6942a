import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startVerificationTestGateway, type VerificationTestGateway } from './verificationTestGateway.js';

const ID = '1018b0d4-7d3a-4a3b-9a4c-2f3e4d5c6b7a';

let gateway: VerificationTestGateway;

beforeAll(async () => {
  gateway = await startVerificationTestGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.admin.reset());

/** The next status read by `path` answers 200 with a verification whose timestamp is `verificationTimestamp`. */
async function answerStatus(path: string, verificationTimestamp: unknown): Promise<void> {
  await gateway.admin.addFault({
    method: 'GET',
    path,
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: { id: ID, method: 'sms', status: 'SUCCESSFUL', reference: 'order-7', verificationTimestamp },
  });
}

describe('Verification answers a verificationTimestamp that is not a date-time', () => {
  it('serialises verification(id:) { timestamp } "garbage" as null, with no error', async () => {
    await answerStatus(`/verifications/id/${ID}$`, 'garbage');
    const response = await gateway.query(`query { verification(id: "${ID}") { id status timestamp } }`);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ verification: { id: ID, status: 'SUCCESSFUL', timestamp: null } });
    expect(await gateway.upstreamCalls()).toBe(1);
  });

  it.each([
    ['month 13', '2024-13-06T14:42:42.123'],
    ['a number', 1717685000],
  ])('serialises %s as null through verificationByReference', async (_name, value) => {
    await answerStatus('/verifications/reference/order-7$', value);
    const response = await gateway.query('query { verificationByReference(reference: "order-7") { id timestamp } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ verificationByReference: { id: ID, timestamp: null } });
  });

  it('keeps a valid zone-less timestamp, with the Z the scalar documents', async () => {
    await answerStatus(`/verifications/id/${ID}$`, '2024-06-06T14:42:42.123');
    const response = await gateway.query(`query { verification(id: "${ID}") { timestamp } }`);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ verification: { timestamp: '2024-06-06T14:42:42.123Z' } });
  });
});
