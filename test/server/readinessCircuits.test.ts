import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

describe('Readiness: upstream circuits', () => {
  let gateway: TestGateway | undefined;

  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  async function ready(): Promise<number> {
    const response = await request(`${gateway!.url}/ready`);
    await response.body.dump();
    return response.statusCode;
  }

  async function circuitGauge(): Promise<string[]> {
    const response = await request(`${gateway!.url}/metrics`);
    const text = await response.body.text();
    return text.split('\n').filter((line) => line.startsWith('gateway_upstream_circuit_state{') && !line.endsWith(' 0'));
  }

  it('stays ready while one API fails, and answers 503 once no API can be reached', async () => {
    gateway = await startTestGateway({ env: { UPSTREAM_CIRCUIT_MIN_CALLS: '1', UPSTREAM_RETRY_MAX: '0', UPSTREAM_CIRCUIT_RESET_MS: '60000' } });
    const admin = new SimulatorAdmin(gateway.simulatorUrl);
    expect(await ready()).toBe(200);

    // Verification alone fails: partial answers are still answers, the replica stays in the pool.
    await admin.addFault({ path: '^/verification/', status: 503, times: 0 });
    await gateway.query('{ verification(id: "1ce0ffee-c0de-5eed-d00d-f00dfeed1337") { status } }');
    expect(await circuitGauge()).toContain('gateway_upstream_circuit_state{service="VERIFICATION",state="open"} 1');
    expect(await ready()).toBe(200);

    // Then everything fails, the token endpoint included (no token has been fetched yet).
    await admin.addFault({ path: '.*', status: 503, times: 0 });
    await gateway.query('{ number(phoneNumber: "+12015550100") { phoneNumber } }');
    await gateway.query('{ sipTrunks(first: 1) { totalCount } }');

    // The token endpoint's circuit is open, so Numbers and SIP Trunking cannot be reached either.
    expect(gateway.gateway.clients.circuitStates()).toMatchObject({ AUTH: 'open', VERIFICATION: 'open' });
    expect(await circuitGauge()).toContain('gateway_upstream_circuit_state{service="AUTH",state="open"} 1');
    expect(await ready()).toBe(503);
  });
});
