import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../../src/config.js';
import { SECOND_SIMULATOR_PROJECT, SIMULATOR_PROJECT } from '../../src/simulator/simulatorCredentials.js';
import { startFaultServer } from '../support/faultServer.js';
import type { FaultServer, RecordedRequest } from '../support/faultServer.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { GraphQLResponse, TestGateway } from '../support/startTestGateway.js';
import { MAIN_PROJECT_ENTRY, newApiKey, SECOND_PROJECT_ENTRY, startTenantGateway } from '../support/startTenantGateway.js';
import type { TenantGateway } from '../support/startTenantGateway.js';

const NUMBER = 'query ($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber } }';
const BROKEN = '+12015550199';
const HEALTHY = '+12015550100';

/** An active number as the Numbers API answers it (the vendor's list fixture, one element). */
const activeNumber = (phoneNumber: string) => ({
  phoneNumber,
  projectId: SIMULATOR_PROJECT.projectId,
  displayName: '',
  regionCode: 'US',
  type: 'LOCAL',
  capability: ['SMS', 'VOICE'],
  money: { currencyCode: 'USD', amount: '2.00' },
  paymentIntervalMonths: 1,
  nextChargeDate: '2026-09-22T15:49:58.813424Z',
  expireAt: '2026-10-06T15:49:58.813381Z',
  smsConfiguration: { servicePlanId: '', scheduledProvisioning: null, campaignId: '' },
  voiceConfiguration: { appId: '', scheduledVoiceProvisioning: null, lastUpdatedTime: null, type: 'RTC' },
  callbackUrl: '',
});

const phoneOf = (request: RecordedRequest) => decodeURIComponent(request.path.split('/activeNumbers/')[1]?.split('?')[0] ?? '');
const codeOf = (response: GraphQLResponse) => response.body.errors?.[0]?.extensions?.['code'];
const statusOf = (response: GraphQLResponse) => (response.body.errors?.[0]?.extensions?.['upstream'] as { status?: string } | undefined)?.status;

/**
 * The circuit breakers with their production defaults (a failure rate over 10 s, at least 20
 * calls, half of them failing), end to end: Numbers is a fault server, everything else the
 * simulator.
 */
describe('Upstream resilience: what opens a circuit, and for whom', () => {
  let gateway: TestGateway | undefined;
  let faults: FaultServer | undefined;

  afterEach(async () => {
    await gateway?.close();
    await faults?.close();
    gateway = undefined;
    faults = undefined;
  });

  const start = async () => {
    faults = await startFaultServer();
    const origin = faults.origin;
    gateway = await startTestGateway({ configure: (config: GatewayConfig) => ({ ...config, sinch: { ...config.sinch, numbersUrl: origin } }) });
    return { gateway, faults };
  };

  it('keeps the circuit closed when one number fails six times in a row: the next, healthy number answers', async () => {
    const running = await start();
    running.faults.handle((request) =>
      phoneOf(request) === BROKEN ? { status: 503, body: { error: { code: 503, message: 'unavailable', status: 'UNAVAILABLE' } } } : { status: 200, body: activeNumber(phoneOf(request)) },
    );
    for (let index = 0; index < 6; index++) {
      const response = await running.gateway.query(NUMBER, { phoneNumber: BROKEN });
      expect(codeOf(response)).toBe('UPSTREAM_UNAVAILABLE');
      expect(statusOf(response)).toBe('UNAVAILABLE');
    }
    const healthy = await running.gateway.query(NUMBER, { phoneNumber: HEALTHY });
    expect(healthy.body).toEqual({ data: { number: { phoneNumber: HEALTHY } } });
    expect(running.gateway.gateway.clients.circuitStates().NUMBERS).toBe('closed');
    // Each broken GET is retried (a 503 is transient) until the retry budget says the service
    // fails too much; the healthy one is sent once.
    expect(running.faults.requests.filter((request) => phoneOf(request) === HEALTHY)).toHaveLength(1);
  });

  it.each([
    ['500', 500],
    ['503 (a retried status)', 503],
  ])('opens the circuit when every Numbers call fails with %s: the upstream sees fewer calls than requests', async (_name, status) => {
    const running = await start();
    running.faults.handle(() => ({ status, body: { error: { code: status, message: 'down', status: 'INTERNAL' } } }));
    const requests = 40;
    const codes: unknown[] = [];
    for (let index = 0; index < requests; index++) {
      const response = await running.gateway.query(NUMBER, { phoneNumber: `+1201555${String(index).padStart(4, '0')}` });
      codes.push(statusOf(response) === 'CIRCUIT_OPEN' ? 'CIRCUIT_OPEN' : codeOf(response));
    }
    expect(running.gateway.gateway.clients.circuitStates().NUMBERS).toBe('open');
    // The 20th failed call opens the circuit (20 calls, all failing); the other 20 are refused.
    expect(codes.slice(0, 20)).toEqual(Array(20).fill('UPSTREAM_UNAVAILABLE'));
    expect(codes.slice(20)).toEqual(Array(20).fill('CIRCUIT_OPEN'));
    expect(running.faults.requests.length).toBeLessThan(requests);
    // 500 is never retried: one attempt per call. A 503 is retried until the retry budget is
    // spent: three attempts for the first call, two for the second, one for each after.
    expect(running.faults.requests).toHaveLength(status === 500 ? 20 : 23);
  });
});

describe('Upstream resilience: one circuit per Sinch project', () => {
  let gateway: TenantGateway | undefined;

  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  it("opens one project's Numbers circuit and leaves the other project's closed", async () => {
    const tenantA = newApiKey();
    const tenantB = newApiKey();
    gateway = await startTenantGateway({
      auth: 'apiKey',
      tenantsFile: {
        tenants: [
          { id: 'tenant-a', apiKeys: [{ id: 'a-1', sha256: tenantA.sha256 }], projects: [MAIN_PROJECT_ENTRY] },
          { id: 'tenant-b', apiKeys: [{ id: 'b-1', sha256: tenantB.sha256 }], projects: [SECOND_PROJECT_ENTRY] },
        ],
      },
      env: { UPSTREAM_RETRY_MAX: '0' },
    });
    await new SimulatorAdmin(gateway.simulatorUrl).addFault({ path: `^/v1/projects/${SIMULATOR_PROJECT.projectId}/activeNumbers`, status: 500, times: 0 });
    const as = (key: string, phoneNumber: string) => gateway!.query(NUMBER, { phoneNumber }, { authorization: `Bearer ${key}` });

    for (let index = 0; index < 20; index++) {
      expect(codeOf(await as(tenantA.key, HEALTHY))).toBe('UPSTREAM_UNAVAILABLE');
    }
    expect(statusOf(await as(tenantA.key, HEALTHY))).toBe('CIRCUIT_OPEN');
    const other = await as(tenantB.key, '+13125550101');
    expect(other.body).toEqual({ data: { number: { phoneNumber: '+13125550101' } } });
    const numbersCalls = (await gateway.simulatorRequests('NUMBERS')).filter((entry) => entry.path.includes(SECOND_SIMULATOR_PROJECT.projectId));
    expect(numbersCalls).toHaveLength(1);
  });
});
