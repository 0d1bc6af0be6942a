import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { SIMULATOR_KEY_ID, SIMULATOR_KEY_SECRET, SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { FOREIGN_TRUNK_NUMBER } from '../../../src/simulator/sipTrunking/seedCalls.js';
import { startTestGateway, type TestGateway } from '../../support/startTestGateway.js';

const BASIC = `Basic ${Buffer.from(`${SIMULATOR_KEY_ID}:${SIMULATOR_KEY_SECRET}`).toString('base64')}`;

interface WireCall {
  callId: string;
  from: string;
  to: string;
  direction: 'INBOUND' | 'OUTBOUND';
  createTime: string;
  answerTime?: string;
  endTime: string;
}

interface GraphCall {
  callId: string;
  createTime: string;
  answerTime: string | null;
  endTime: string;
  sinchNumber: string | null;
  number: { phoneNumber: string } | null;
}

/** The project's side of a call, as E.164, whichever way EST wrote it. */
function projectSide(call: WireCall): string {
  const party = call.direction === 'INBOUND' ? call.to : call.from;
  const digits = /^(?:sip:)?\+?(\d+)/.exec(party)?.[1] ?? '';
  return `+${digits}`;
}

/** A gateway DateTime: UTC with `Z`, the same instant as the wire value (`Z` or `+0000`). */
function expectSameInstantInUtc(published: string | null | undefined, sent: string): void {
  expect(published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  expect(Date.parse(published ?? '')).toBe(Date.parse(sent.replace(/\+0000$/, 'Z')));
}

describe('Call records in every form Elastic SIP Trunking writes them, read through the gateway', () => {
  let gateway: TestGateway;
  let wire: WireCall[];

  beforeAll(async () => {
    gateway = await startTestGateway();
    const response = await fetch(`${gateway.simulatorUrl}/v1/projects/${SIMULATOR_PROJECT_ID}/calls?size=1000`, { headers: { authorization: BASIC } });
    wire = ((await response.json()) as { calls: WireCall[] }).calls;
  });
  afterAll(() => gateway.close());

  it('feeds +E.164, sip: URIs, bare digits and +0000 offsets', () => {
    const parties = wire.flatMap((call) => [call.from, call.to]);
    expect(parties.some((party) => /^\+\d+$/.test(party))).toBe(true);
    expect(parties.some((party) => /^sip:\+?\d+@[\d.]+$/.test(party))).toBe(true);
    expect(parties.some((party) => /^1\d{10}$/.test(party))).toBe(true);
    expect(wire.some((call) => call.createTime.endsWith('+0000') && call.endTime.endsWith('+0000'))).toBe(true);
    expect(wire.some((call) => call.createTime.endsWith('Z'))).toBe(true);
  });

  it('gives every call its E.164 project number, the active number when the project rents it, and UTC times', async () => {
    const response = await gateway.query<{ callRecords: { nodes: GraphCall[] } }>(
      'query { callRecords(first: 1000) { nodes { callId createTime answerTime endTime sinchNumber number { phoneNumber } } } }',
    );
    expect(response.body.errors).toBeUndefined();
    const nodes = new Map((response.body.data?.callRecords.nodes ?? []).map((node) => [node.callId, node]));
    expect(nodes.size).toBe(wire.length);
    const rented = new Set<string>(SEEDED_PHONE_NUMBERS.est);
    for (const call of wire) {
      const node = nodes.get(call.callId);
      const ours = projectSide(call);
      expect(node?.sinchNumber, `${call.from} → ${call.to}`).toBe(ours);
      expect(node?.number?.phoneNumber ?? null).toBe(rented.has(ours) ? ours : null);
      if (ours === FOREIGN_TRUNK_NUMBER) expect(node?.number).toBeNull();
      expectSameInstantInUtc(node?.createTime, call.createTime);
      expectSameInstantInUtc(node?.endTime, call.endTime);
      if (call.answerTime === undefined) expect(node?.answerTime).toBeNull();
      else expectSameInstantInUtc(node?.answerTime, call.answerTime);
    }
  });
});
