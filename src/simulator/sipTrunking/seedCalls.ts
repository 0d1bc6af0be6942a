import { SEEDED_TRUNK_IDS } from '../simulatorCredentials.js';
import { seedId } from './seedIds.js';
import type { CallRecord } from './SipTrunkingRecords.js';

/** Numbers on the far side of seeded calls: outside the project, in the fictional 555 range. */
function farParty(index: number): string {
  return `+1415555${String(200 + index).padStart(4, '0')}`;
}

/** A number that looks like ours but is not rented by the project: `CallRecord.number` is null for it. */
export const FOREIGN_TRUNK_NUMBER = '+12025550199';

const RESULTS: CallRecord['callResult'][] = ['COMPLETED', 'COMPLETED', 'NO_ANSWER', 'COMPLETED', 'BUSY', 'FAILED', 'CANCEL'];

/**
 * A day of call records: two calls per seeded EST number (one in, one out) and four calls of a
 * number the project does not rent. Parties are written in every form the API uses, in turn:
 * `+E.164`, a `sip:+…@host` URI, digits without `+` (`12017777777`); every fourth call writes its
 * times with a `+0000` offset instead of `Z`. So the gateway's number matching and time parsing
 * meet all of them.
 */
export function seedCalls(now: Date, estNumbers: readonly string[], trunkFor: (index: number) => string): CallRecord[] {
  const calls: CallRecord[] = [];
  const add = (ours: string, trunkId: string, direction: CallRecord['direction']) => {
    const index = calls.length;
    const created = new Date(now.getTime() - (index + 1) * 17 * 60_000);
    const callResult = RESULTS[index % RESULTS.length] ?? 'COMPLETED';
    const answered = callResult === 'COMPLETED';
    const durationSeconds = answered ? 30 + ((index * 37) % 600) : 0;
    const far = farParty(index);
    const written = (number: string) => (index % 3 === 1 ? `sip:${number}@203.0.113.${index % 250}` : index % 3 === 2 ? number.slice(1) : number);
    calls.push({
      callId: seedId('CDRS', index),
      from: direction === 'INBOUND' ? written(far) : written(ours),
      to: direction === 'INBOUND' ? written(ours) : written(far),
      direction,
      callResult,
      createTime: seconds(created),
      answerTime: answered ? seconds(new Date(created.getTime() + 4_000)) : null,
      endTime: seconds(new Date(created.getTime() + 4_000 + durationSeconds * 1000)),
      durationSeconds,
      billingDurationSeconds: answered ? Math.ceil(durationSeconds / 60) * 60 : 0,
      pricePerMinute: direction === 'INBOUND' ? 0.004 : 0.0085,
      trunkId,
      pcapId: seedId('PCAP', index),
      zoneSuffix: index % 4 === 3 ? '+0000' : 'Z',
    });
  };
  estNumbers.forEach((number, index) => {
    add(number, trunkFor(index), 'INBOUND');
    add(number, trunkFor(index), 'OUTBOUND');
  });
  for (let index = 0; index < 4; index++) {
    add(FOREIGN_TRUNK_NUMBER, SEEDED_TRUNK_IDS[0], index % 2 === 0 ? 'INBOUND' : 'OUTBOUND');
  }
  return calls;
}

function seconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
