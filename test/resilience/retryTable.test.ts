import { describe, expect, it } from 'vitest';
import type { UpstreamService } from '../../src/upstream/UpstreamService.js';
import type { FaultResponse } from '../support/faultServer.js';
import { resilientClient, timedFailure } from './resilienceHarness.js';
import { useFaultServerHarness } from './useFaultServerHarness.js';

/** Each service's own error envelope (the seed documents), so the upstream code is read as in production. */
const ENVELOPES: Record<UpstreamService, (status: number, code: string) => object> = {
  NUMBERS: (status, code) => ({ error: { code: status, message: 'failure', status: code } }),
  VERIFICATION: (status, code) => ({ status: `${status} Something`, errorCode: Number(code), message: 'failure', reference: 'ref' }),
  SIP_TRUNKING: (status, code) => ({ code: status, status: code, message: 'failure', details: [] }),
  AUTH: (_status, code) => ({ error: code, error_description: 'failure' }),
};

interface Row {
  name: string;
  response: (service: UpstreamService) => FaultResponse;
  /** Upstream calls for one GET with two retries allowed. */
  calls: number;
}

const status = (httpStatus: number, code = 'ANY'): Row['response'] => (service) => ({ status: httpStatus, body: ENVELOPES[service](httpStatus, code) });

/** docs/resilience.md, "What is retried": rows every service shares. */
const EVERY_SERVICE: Row[] = [
  { name: '429 without Retry-After', response: status(429), calls: 3 },
  { name: '502', response: status(502), calls: 3 },
  { name: '503', response: status(503), calls: 3 },
  { name: '504', response: status(504), calls: 3 },
  { name: 'a reset connection', response: () => ({ destroy: 'before-headers' }), calls: 3 },
  { name: '500', response: status(500), calls: 1 },
  { name: '501', response: status(501), calls: 1 },
  { name: '400', response: status(400), calls: 1 },
  { name: '404', response: status(404), calls: 1 },
  { name: '408', response: status(408), calls: 1 },
  { name: '409', response: status(409), calls: 1 },
];

/** Verification's own codes, under a status otherwise retried. */
const VERIFICATION_CODES: Row[] = [
  { name: '503 50301 (configuration error; contact support)', response: status(503, '50301'), calls: 1 },
  { name: '503 50300 (temporarily down; the seed sample carries 50500)', response: status(503, '50500'), calls: 3 },
  { name: '429 42901 (the same number too quickly)', response: status(429, '42901'), calls: 1 },
  { name: '429 42900 (capacity exceeded)', response: status(429, '42900'), calls: 3 },
];

const SERVICES: UpstreamService[] = ['NUMBERS', 'VERIFICATION', 'SIP_TRUNKING', 'AUTH'];
const CASES = [
  ...SERVICES.flatMap((service) => EVERY_SERVICE.map((row) => ({ service, ...row }))),
  ...VERIFICATION_CODES.map((row) => ({ service: 'VERIFICATION' as const, ...row })),
];

describe('Upstream resilience: what is retried, per service', () => {
  const setup = useFaultServerHarness();

  it.each(CASES)('$service, $name: $calls upstream call(s)', async ({ service, response, calls }) => {
    setup.harness = resilientClient(setup.server.origin, { client: { service } });
    setup.server.handle(() => response(service));
    await timedFailure(() => setup.harness.call('GET'));
    expect(setup.server.requests).toHaveLength(calls);
    expect(setup.harness.events.map((event) => event.attempt)).toEqual(Array.from({ length: calls }, (_, index) => index + 1));
  });

  it('marks Verification 50301 not retryable for the client either', async () => {
    setup.harness = resilientClient(setup.server.origin, { client: { service: 'VERIFICATION' } });
    setup.server.handle(() => status(503, '50301')('VERIFICATION'));
    const { error } = await timedFailure(() => setup.harness.call('GET'));
    expect([error.code, error.upstreamCode, error.retryable]).toEqual(['UPSTREAM_UNAVAILABLE', '50301', false]);
  });

  it('never retries a POST, whatever the status: 1 call each', async () => {
    setup.harness = resilientClient(setup.server.origin, { client: { service: 'NUMBERS' } });
    for (const httpStatus of [429, 502, 503, 504]) {
      setup.server.enqueue(status(httpStatus)('NUMBERS'));
      await timedFailure(() => setup.harness.call('POST'));
    }
    expect(setup.server.requests).toHaveLength(4);
  });

  it('stops retrying when the service fails everything (retry budget): 3 + 2 + 1 + 1 calls for four GETs', async () => {
    setup.harness = resilientClient(setup.server.origin, { client: { service: 'NUMBERS' } });
    setup.server.handle(() => status(503)('NUMBERS'));
    const counts: number[] = [];
    for (let index = 0; index < 4; index++) {
      const before = setup.server.requests.length;
      await timedFailure(() => setup.harness.call('GET'));
      counts.push(setup.server.requests.length - before);
    }
    expect(counts).toEqual([3, 2, 1, 1]);
    // Answers give the budget back: after forty 200s (4 tokens back), a 503 is retried again.
    setup.server.handle(() => ({ status: 200, body: {} }));
    for (let index = 0; index < 40; index++) {
      await setup.harness.call('GET');
    }
    setup.server.reset();
    setup.server.enqueue(status(503)('NUMBERS'), { status: 200, body: { ok: true } });
    await expect(setup.harness.call('GET')).resolves.toEqual({ ok: true });
    expect(setup.server.requests).toHaveLength(2);
  });
});
