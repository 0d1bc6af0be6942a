import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { startTestGateway, type TestGateway } from '../../support/startTestGateway.js';

describe('One operation with many upstream calls in flight', () => {
  let gateway: TestGateway;
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);

  beforeAll(async () => {
    gateway = await startTestGateway({ simulator: { latencyMs: 50 } });
    process.on('warning', onWarning);
  });

  afterAll(async () => {
    process.off('warning', onWarning);
    await gateway?.close();
  });

  it('answers 12 numbers read in parallel without a listener-leak warning', async () => {
    const unique = [...new Set([...SEEDED_PHONE_NUMBERS.provisioned, ...Object.values(SEEDED_PHONE_NUMBERS.failedByCode)])].slice(0, 12);
    const fields = unique.map((phoneNumber, index) => `n${index}: number(phoneNumber: "${phoneNumber}") { phoneNumber }`);
    const response = await gateway.query(`{ ${fields.join(' ')} }`);
    expect(response.body.errors).toBeUndefined();
    expect(Object.values(response.body.data ?? {})).toHaveLength(unique.length);
    expect(unique.length).toBeGreaterThan(10);
    // Node warns once per signal past 10 abort listeners; every call in flight adds one.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning').map((warning) => warning.message + String(warning.stack))).toEqual([]);
  });
});
