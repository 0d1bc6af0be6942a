import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

describe('Metrics: DataLoader batch sizes', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('records one batch of three keys when three numbers are asked for at once', async () => {
    const response = await gateway.query(`{
      a: number(phoneNumber: "+12015550100") { phoneNumber }
      b: number(phoneNumber: "+12015550101") { phoneNumber }
      c: number(phoneNumber: "+12015550102") { phoneNumber }
    }`);
    expect(response.body.errors).toBeUndefined();

    const metrics = await (await request(`${gateway.url}/metrics`)).body.text();
    expect(metrics).toContain('gateway_dataloader_batch_size_count{loader="numbers.activeNumber"} 1');
    expect(metrics).toContain('gateway_dataloader_batch_size_sum{loader="numbers.activeNumber"} 3');
  });

  it('names the SIP trunk loader when trunks are resolved through numbers', async () => {
    const response = await gateway.query('{ numbers(first: 30) { nodes { voice { trunk { name } } } } }');
    expect(response.body.errors).toBeUndefined();

    const metrics = await (await request(`${gateway.url}/metrics`)).body.text();
    expect(metrics).toMatch(/gateway_dataloader_batch_size_count\{loader="sipTrunking\.trunk"\} [1-9]/);
  });
});
