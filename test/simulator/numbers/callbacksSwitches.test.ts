import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACK_SWITCHES } from '../../../src/simulator/numbers/callbacks/CallbackSwitches.js';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { startSimulator } from '../../../src/simulator/startSimulator.js';
import { freePort } from '../../support/freePort.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { CallbacksAdmin } from '../../webhooks/support/callbacksAdmin.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient } from '../numbersTestClient.js';
import { useNumbersSimulator } from './useNumbersSimulator.js';

const [FIRST, SECOND] = SEEDED_PHONE_NUMBERS.sweden;

describe('Numbers simulator: callback delivery switches', () => {
  const sim = useNumbersSimulator();

  /** Links `phoneNumber` to a service plan and finishes the job: exactly one callback. */
  const provision = async (phoneNumber: string, callbackUrl = sim.receiver.url) => {
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl, smsConfiguration: { servicePlanId: 'plan' } });
    await sim.admin.advance(phoneNumber);
    await sim.admin.advance(phoneNumber);
  };

  it('starts with the documented defaults and rejects bad switches', async () => {
    expect(await sim.callbacks.configure({})).toEqual(DEFAULT_CALLBACK_SWITCHES);
    await expect(sim.callbacks.configure({ duplicates: -1 })).rejects.toThrow(/400/);
    await expect(sim.callbacks.configure({ enabled: 'no' } as never)).rejects.toThrow(/400/);
    await expect(sim.callbacks.configure({ loud: true } as never)).rejects.toThrow(/unknown switch/);
  });

  it('only logs callbacks while disabled', async () => {
    await sim.callbacks.configure({ enabled: false });
    await provision(FIRST);
    expect(await sim.callbacks.flush()).toEqual([expect.objectContaining({ state: 'DISABLED', attempts: 0 })]);
    expect(sim.receiver.received).toEqual([]);
  });

  it('duplicates every callback with the same event id, bytes and signature', async () => {
    await sim.callbacks.configure({ duplicates: 2 });
    await provision(FIRST);
    const log = await sim.callbacks.flush();
    expect(log.map((entry) => [entry.copy, entry.state])).toEqual([[0, 'DELIVERED'], [1, 'DELIVERED'], [2, 'DELIVERED']]);
    expect(sim.receiver.received).toHaveLength(3);
    expect(new Set(sim.receiver.received.map((callback) => callback.rawBody)).size).toBe(1);
    expect(new Set(sim.receiver.received.map((callback) => callback.headers['x-sinch-signature'])).size).toBe(1);
  });

  it('delays callbacks', async () => {
    await sim.callbacks.configure({ delayMs: 300 });
    const started = Date.now();
    await provision(FIRST);
    expect(sim.receiver.received).toEqual([]);
    await sim.callbacks.flush();
    expect(sim.receiver.received).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('holds callbacks and releases them in reverse order', async () => {
    await sim.callbacks.configure({ hold: true });
    await provision(FIRST);
    await provision(SECOND);
    expect((await sim.callbacks.flush()).map((entry) => entry.state)).toEqual(['HELD', 'HELD']);
    expect(sim.receiver.received).toEqual([]);

    const released = await sim.callbacks.release('reverse');
    expect(released.map((entry) => entry.payload.resourceId)).toEqual([SECOND, FIRST]);
    await sim.callbacks.flush();
    expect(sim.receiver.received.map((callback) => callback.body.resourceId)).toEqual([SECOND, FIRST]);
  });

  it('releases held callbacks first in, first out by default', async () => {
    await sim.callbacks.configure({ hold: true });
    await provision(FIRST);
    await provision(SECOND);
    await sim.callbacks.release();
    await sim.callbacks.flush();
    expect(sim.receiver.received.map((callback) => callback.body.resourceId)).toEqual([FIRST, SECOND]);
  });

  it('retries a failing receiver with backoff until it answers 2xx', async () => {
    await sim.callbacks.configure({ retryBackoffMs: 10 });
    sim.receiver.answerWith(500, 503);
    await provision(FIRST);
    const [entry] = await sim.callbacks.flush();
    expect(entry).toMatchObject({ state: 'DELIVERED', attempts: 3, responseStatus: 200, error: null });
    expect(sim.receiver.received).toHaveLength(3);
    expect(new Set(sim.receiver.received.map((callback) => callback.body.eventId)).size).toBe(1);
  });

  it('gives up on an unreachable receiver after the retries, and the simulator keeps serving', async () => {
    await sim.callbacks.configure({ retryBackoffMs: 5, maxRetries: 2 });
    const closedPort = await freePort();
    await provision(FIRST, `http://127.0.0.1:${closedPort}/callbacks`);
    const [entry] = await sim.callbacks.flush();
    expect(entry).toMatchObject({ state: 'FAILED', attempts: 3, responseStatus: null, error: expect.stringContaining('ECONNREFUSED') });
    expect((await sim.numbers.get(`/activeNumbers/${FIRST}`)).status).toBe(200);
  });

  it('times out a receiver that never answers', async () => {
    const silent = await startSilentServer();
    try {
      await sim.callbacks.configure({ timeoutMs: 100, maxRetries: 0 });
      await provision(FIRST, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/callbacks`);
      const [entry] = await sim.callbacks.flush();
      expect(entry).toMatchObject({ state: 'FAILED', attempts: 1, error: expect.stringMatching(/timed out/) });
    } finally {
      silent.close();
    }
  });

  it('resets switches, the log and held callbacks with POST /__admin/reset', async () => {
    await sim.callbacks.configure({ hold: true, duplicates: 1 });
    await provision(FIRST);
    await sim.admin.reset();
    expect(await sim.callbacks.list()).toEqual([]);
    expect(await sim.callbacks.configure({})).toEqual(DEFAULT_CALLBACK_SWITCHES);
    expect(await sim.callbacks.release()).toEqual([]);
  });

  it('closes promptly while a callback waits out its delay, and never sends it', async () => {
    const own = await startSimulator({ provisioning: 'manual' });
    const ownAdmin = new SimulatorAdmin(own.url);
    await new CallbacksAdmin(own.url).configure({ delayMs: 10_000 });
    await createNumbersTestClient(own.url, BASIC_AUTHORIZATION).patch(`/activeNumbers/${FIRST}`, {
      callbackUrl: sim.receiver.url,
      smsConfiguration: { servicePlanId: 'plan' },
    });
    await ownAdmin.advance(FIRST);
    await ownAdmin.advance(FIRST);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.receiver.received).toEqual([]);
  });
});


/** Accepts connections and never answers. */
async function startSilentServer(): Promise<Server> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
