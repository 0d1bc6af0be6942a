import { describe, expect, it } from 'vitest';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { useSipTestGateway } from './support/useSipTestGateway.js';

const TRUNK_ID = SEEDED_TRUNK_IDS[0];
const TRUNK = `query { sipTrunk(id: "${TRUNK_ID}") { id name createTime updateTime } }`;

const sip = useSipTestGateway();

/** The next `GET /trunks/{id}` answers 200 with the trunk and these timestamps. */
async function readTrunk(timestamps: Record<string, unknown>) {
  await sip.admin.addFault({
    method: 'GET',
    path: `/trunks/${TRUNK_ID}$`,
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: { id: TRUNK_ID, name: 'Main', hostName: 'main', ...timestamps },
  });
  const response = await sip.gateway.query<{ sipTrunk: Record<string, unknown> | null }>(TRUNK);
  expect(await sip.admin.requests('SIP_TRUNKING')).toHaveLength(1);
  return response;
}

describe('Elastic SIP Trunking answers a timestamp that is not a date-time', () => {
  it('serialises createTime "garbage" as null, with no error, and keeps the rest of the trunk', async () => {
    const response = await readTrunk({ createTime: 'garbage', updateTime: '2024-06-06T14:42:42.820177628Z' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.sipTrunk).toEqual({ id: TRUNK_ID, name: 'Main', createTime: null, updateTime: '2024-06-06T14:42:42.820Z' });
  });

  it.each([
    ['month 13', '2024-13-06T14:42:42Z'],
    ['February 30', '2024-02-30T14:42:42Z'],
    ['a date without a time', '2024-06-06'],
    ['a number', 1717685000],
  ])('serialises %s as null', async (_name, createTime) => {
    const response = await readTrunk({ createTime });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.sipTrunk).toMatchObject({ createTime: null });
  });

  it('keeps valid timestamps: a zone-less one gets its Z, an offset becomes UTC', async () => {
    const response = await readTrunk({ createTime: '2024-06-06T14:42:42.123456', updateTime: '2024-06-06T16:57:45+0200' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.sipTrunk).toMatchObject({ createTime: '2024-06-06T14:42:42.123Z', updateTime: '2024-06-06T14:57:45.000Z' });
  });
});
