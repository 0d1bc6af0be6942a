import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracing } from '../../../src/observability/tracing/createTracing.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/server/createLogger.js';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

describe('Tracing off (nothing configured)', () => {
  let gateway: TestGateway;
  const lines: string[] = [];

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(createTracing(config.tracing)).toBeUndefined();
    gateway = await startTestGateway({ logger: createLogger('debug', { write: (line: string) => void lines.push(line) }) });
  });
  afterAll(() => gateway.close());

  it('passes no trace context on to Sinch and writes no trace ids, even when the caller sends a traceparent', async () => {
    const admin = new SimulatorAdmin(gateway.simulatorUrl);
    await admin.clearRequests();
    const response = await gateway.query('query ($n: PhoneNumber!) { number(phoneNumber: $n) { phoneNumber } }', { n: SEEDED_PHONE_NUMBERS.provisioned[0] }, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(response.body.errors).toBeUndefined();
    const log = await admin.requests();
    expect(log.length).toBeGreaterThan(0);
    expect(log.map((entry) => entry.traceparent)).toEqual(log.map(() => null));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toMatch(/trace_id|span_id/);
  });
});
