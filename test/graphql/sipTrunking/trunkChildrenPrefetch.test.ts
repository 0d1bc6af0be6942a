import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../support/startTestGateway.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';

/**
 * A trunk reached through a number is known by id before it is read, so its endpoints are
 * requested together with the trunk, not after it. Proven by the order of requests at the
 * simulator: with every answer delayed, the endpoint requests arrive before the trunk answer.
 */
describe('VoiceConfiguration.trunk: children requested with the trunk', () => {
  const LATENCY_MS = 150;
  let gateway: TestGateway;
  let admin: SimulatorAdmin;

  beforeAll(async () => {
    // The circuit must not open on the injected failures: retries are what the last test watches for.
    gateway = await startTestGateway({ env: { UPSTREAM_CIRCUIT_MIN_CALLS: '1000' } });
    admin = new SimulatorAdmin(gateway.simulatorUrl);
  });
  afterAll(() => gateway.close());

  it('sends the endpoint lists while the trunk request is still in flight, with no extra calls', async () => {
    await gateway.query('{ number(phoneNumber: "+12015550110") { phoneNumber } }'); // token and connection warm
    await admin.configure({ latencyMs: LATENCY_MS });
    await admin.clearRequests();

    const response = await gateway.query(`{
      numbers(first: 30) { nodes { voice { trunk { name ...TrunkEndpoints } } } }
    }
    fragment TrunkEndpoints on SipTrunk { endpoints { name } }`);
    await admin.configure({ latencyMs: 0 });

    expect(response.body.errors).toBeUndefined();
    const log = (await admin.requests('SIP_TRUNKING')).map((entry) => ({ route: entry.route ?? entry.path, at: Date.parse(entry.receivedAt) }));
    const trunkRead = log.filter((entry) => /\/trunks(\/\{sipTrunkId\})?$/.test(entry.route));
    const endpointLists = log.filter((entry) => entry.route.endsWith('/endpoints'));
    expect(trunkRead.length).toBe(1);
    expect(endpointLists.length).toBe(5);
    for (const list of endpointLists) {
      expect(list.at - trunkRead[0]!.at).toBeLessThan(LATENCY_MS);
    }
  });

  it('cancels a prefetch whose trunk failed: no SIP call is made after the response', async () => {
    // The trunk list fails at once (a 500 is not retried); the prefetched endpoint lists are slow
    // and then fail with a 503, which a GET would retry: the response is sent while they are out.
    await admin.addFault({ method: 'GET', path: '/trunks$', status: 500, times: 0 });
    await admin.addFault({ method: 'GET', path: '/endpoints$', status: 503, delayMs: 300, times: 0 });
    try {
      const response = await gateway.query('{ numbers(first: 30) { nodes { voice { trunk { name endpoints { name } } } } } }');
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      const atResponse = (await admin.requests('SIP_TRUNKING')).length;
      // Longer than the slow answers plus every retry backoff of the transport.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect((await admin.requests('SIP_TRUNKING')).length).toBe(atResponse);
    } finally {
      await admin.clearFaults();
    }
  });
});
