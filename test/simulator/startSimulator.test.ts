import { describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { startSimulator } from '../../src/simulator/startSimulator.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient } from './numbersTestClient.js';

const countTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

describe('startSimulator: lifecycle of the server', () => {
  it('listens on 127.0.0.1 and an ephemeral port, with a URL without trailing slash', async () => {
    const simulator = await startSimulator();
    try {
      expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${simulator.url}/__admin/health`)).status).toBe(200);
    } finally {
      await simulator.close();
    }
  });

  it('leaves no provisioning timer behind when closed, and closing twice is harmless', async () => {
    const before = countTimers();
    // Timed mode: a job started through the API holds a timer. Four jobs, so that the count
    // shows them even when a timer of something else (a keep-alive socket of an earlier test)
    // ends meanwhile: the process's timers are not all the simulator's.
    const simulator = await startSimulator({ provisioning: { waitingMs: 60_000, inProgressMs: 60_000 } });
    const numbers = createNumbersTestClient(simulator.url, BASIC_AUTHORIZATION);
    for (const phoneNumber of Object.values(SEEDED_PHONE_NUMBERS.failedByCode).slice(0, 4)) {
      await numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId: 'plan-after-failure' } });
    }
    expect(countTimers()).toBeGreaterThan(before + 1);
    await simulator.close();
    await simulator.close();
    expect(countTimers()).toBeLessThanOrEqual(before);
  });

  it('fails to start on a port that is taken, without leaking the timers it had started', async () => {
    const first = await startSimulator({ provisioning: 'manual' });
    try {
      const before = countTimers();
      const port = Number(new URL(first.url).port);
      await expect(startSimulator({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(countTimers()).toBeLessThanOrEqual(before);
    } finally {
      await first.close();
    }
  });
});
