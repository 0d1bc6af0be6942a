import { describe, expect, it } from 'vitest';
import { RequestLog } from '../../src/simulator/core/RequestLog.js';

describe('Simulator request log: bounded memory, complete counts', () => {
  const entry = (service: 'NUMBERS' | 'AUTH') => ({
    service,
    method: 'GET',
    path: '/v1/projects/p/activeNumbers',
    query: {},
    route: null,
    status: 200,
    receivedAt: new Date(0).toISOString(),
    authorizationScheme: null,
    traceparent: null,
  });

  it('keeps at most its capacity of the latest entries, and counts every request', () => {
    const log = new RequestLog(100);
    for (let index = 0; index < 1_000; index++) log.record(entry(index % 10 === 0 ? 'AUTH' : 'NUMBERS'));
    const kept = log.list();
    expect(kept.length).toBeLessThanOrEqual(100);
    expect(kept.at(-1)?.seq).toBe(1_000);
    expect(kept.map((recorded) => recorded.seq)).toEqual([...kept.map((recorded) => recorded.seq)].sort((left, right) => left - right));
    expect(log.counts()).toEqual({ NUMBERS: 900, AUTH: 100 });
    log.clear();
    expect(log.counts()).toEqual({});
    expect(log.list()).toEqual([]);
  });
});
