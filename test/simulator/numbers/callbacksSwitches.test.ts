import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACK_SWITCHES } from '../../../src/simulator/numbers/callbacks/CallbackSwitches.js';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { CallbacksAdmin } from '../../webhooks/support/callbacksAdmin.js';
import { startCallbackReceiver, type CallbackReceiver } from '../../webhooks/support/startCallbackReceiver.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient, type NumbersTestClient } from '../numbersTestClient.js';

const [FIRST, SECOND] = SEEDED_PHONE_NUMBERS.sweden;

describe('Numbers simulator: callback delivery switches', () => {
  let simulator: RunningSimulator;
  let admin: SimulatorAdmin;
  let callbacks: CallbacksAdmin;
  let numbers: NumbersTestClient;
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    simulator = await startSimulator({ provisioning: 'manual' });
    admin = new SimulatorAdmin(simulator.url);
    callbacks = new CallbacksAdmin(simulator.url);
    numbers = createNumbersTestClient(simulator.url, BASIC_AUTHORIZATION);
    receiver = await startCallbackReceiver();
  });
  afterAll(async () => {
    await simulator.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await admin.reset();
    receiver.received.length = 0;
  });

  /** Links `phoneNumber` to a service plan and finishes the job: exactly one callback. */
  const provision = async (phoneNumber: string, callbackUrl = receiver.url) => {
    await numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl, smsConfiguration: { servicePlanId: 'plan' } });
    await admin.advance(phoneNumber);
    await admin.advance(phoneNumber);
  };

  it('starts with the documented defaults and rejects bad switches', async () => {
    expect(await callbacks.configure({})).toEqual(DEFAULT_CALLBACK_SWITCHES);
    await expect(callbacks.configure({ duplicates: -1 })).rejects.toThrow(/400/);
    await expect(callbacks.configure({ enabled: 'no' } as never)).rejects.toThrow(/400/);
    await expect(callbacks.configure({ loud: true } as never)).rejects.toThrow(/unknown switch/);
  });

  it('only logs callbacks while disabled', async () => {
    await callbacks.configure({ enabled: false });
    await provision(FIRST);
    expect(await callbacks.flush()).toEqual([expect.objectContaining({ state: 'DISABLED', attempts: 0 })]);
    expect(receiver.received).toEqual([]);
  });

  it('duplicates every callback with the same event id, bytes and signature', async () => {
    await callbacks.configure({ duplicates: 2 });
    await provision(FIRST);
    const log = await callbacks.flush();
    expect(log.map((entry) => [entry.copy, entry.state])).toEqual([[0, 'DELIVERED'], [1, 'DELIVERED'], [2, 'DELIVERED']]);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((callback) => callback.rawBody)).size).toBe(1);
    expect(new Set(receiver.received.map((callback) => callback.headers['x-sinch-signature'])).size).toBe(1);
  });

  it('delays callbacks', async () => {
    await callbacks.configure({ delayMs: 300 });
    const started = Date.now();
    await provision(FIRST);
    expect(receiver.received).toEqual([]);
    await callbacks.flush();
    expect(receiver.received).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('holds callbacks and releases them in reverse order', async () => {
    await callbacks.configure({ hold: true });
    await provision(FIRST);
    await provision(SECOND);
    expect((await callbacks.flush()).map((entry) => entry.state)).toEqual(['HELD', 'HELD']);
    expect(receiver.received).toEqual([]);

    const released = await callbacks.release('reverse');
    expect(released.map((entry) => entry.payload.resourceId)).toEqual([SECOND, FIRST]);
    await callbacks.flush();
    expect(receiver.received.map((callback) => callback.body.resourceId)).toEqual([SECOND, FIRST]);
  });

  it('releases held callbacks first in, first out by default', async () => {
    await callbacks.configure({ hold: true });
    await provision(FIRST);
    await provision(SECOND);
    await callbacks.release();
    await callbacks.flush();
    expect(receiver.received.map((callback) => callback.body.resourceId)).toEqual([FIRST, SECOND]);
  });

  it('retries a failing receiver with backoff until it answers 2xx', async () => {
    await callbacks.configure({ retryBackoffMs: 10 });
    receiver.answerWith(500, 503);
    await provision(FIRST);
    const [entry] = await callbacks.flush();
    expect(entry).toMatchObject({ state: 'DELIVERED', attempts: 3, responseStatus: 200, error: null });
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((callback) => callback.body.eventId)).size).toBe(1);
  });

  it('gives up on an unreachable receiver after the retries, and the simulator keeps serving', async () => {
    await callbacks.configure({ retryBackoffMs: 5, maxRetries: 2 });
    const closedPort = await freePort();
    await provision(FIRST, `http://127.0.0.1:${closedPort}/callbacks`);
    const [entry] = await callbacks.flush();
    expect(entry).toMatchObject({ state: 'FAILED', attempts: 3, responseStatus: null, error: expect.stringContaining('ECONNREFUSED') });
    expect((await numbers.get(`/activeNumbers/${FIRST}`)).status).toBe(200);
  });

  it('times out a receiver that never answers', async () => {
    const silent = await startSilentServer();
    try {
      await callbacks.configure({ timeoutMs: 100, maxRetries: 0 });
      await provision(FIRST, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/callbacks`);
      const [entry] = await callbacks.flush();
      expect(entry).toMatchObject({ state: 'FAILED', attempts: 1, error: expect.stringMatching(/timed out/) });
    } finally {
      silent.close();
    }
  });

  it('resets switches, the log and held callbacks with POST /__admin/reset', async () => {
    await callbacks.configure({ hold: true, duplicates: 1 });
    await provision(FIRST);
    await admin.reset();
    expect(await callbacks.list()).toEqual([]);
    expect(await callbacks.configure({})).toEqual(DEFAULT_CALLBACK_SWITCHES);
    expect(await callbacks.release()).toEqual([]);
  });

  it('closes promptly while a callback waits out its delay, and never sends it', async () => {
    const own = await startSimulator({ provisioning: 'manual' });
    const ownAdmin = new SimulatorAdmin(own.url);
    await new CallbacksAdmin(own.url).configure({ delayMs: 10_000 });
    await createNumbersTestClient(own.url, BASIC_AUTHORIZATION).patch(`/activeNumbers/${FIRST}`, {
      callbackUrl: receiver.url,
      smsConfiguration: { servicePlanId: 'plan' },
    });
    await ownAdmin.advance(FIRST);
    await ownAdmin.advance(FIRST);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received).toEqual([]);
  });
});

async function freePort(): Promise<number> {
  const server = await startSilentServer();
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Accepts connections and never answers. */
async function startSilentServer(): Promise<Server> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
