import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { CallbacksAdmin } from '../../webhooks/support/callbacksAdmin.js';
import { startCallbackReceiver, type CallbackReceiver } from '../../webhooks/support/startCallbackReceiver.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient, type NumbersTestClient } from '../numbersTestClient.js';

export interface NumbersSimulator {
  simulator: RunningSimulator;
  admin: SimulatorAdmin;
  callbacks: CallbacksAdmin;
  numbers: NumbersTestClient;
  receiver: CallbackReceiver;
}

/**
 * Registers the hooks of a Numbers callbacks test: a simulator with manual provisioning and a
 * callback receiver for the file, both emptied before each test. The fields are set once
 * `beforeAll` ran: read them in hooks and tests only.
 */
export function useNumbersSimulator(): NumbersSimulator {
  const context = {} as NumbersSimulator;
  beforeAll(async () => {
    context.simulator = await startSimulator({ provisioning: 'manual' });
    context.admin = new SimulatorAdmin(context.simulator.url);
    context.callbacks = new CallbacksAdmin(context.simulator.url);
    context.numbers = createNumbersTestClient(context.simulator.url, BASIC_AUTHORIZATION);
    context.receiver = await startCallbackReceiver();
  });
  afterAll(async () => {
    await context.simulator.close();
    await context.receiver.close();
  });
  beforeEach(async () => {
    await context.admin.reset();
    context.receiver.received.length = 0;
  });
  return context;
}
