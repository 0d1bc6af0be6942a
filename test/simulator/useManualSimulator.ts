import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient, type NumbersTestClient } from './numbersTestClient.js';

export interface ManualSimulator {
  simulator: RunningSimulator;
  admin: SimulatorAdmin;
  numbers: NumbersTestClient;
}

/**
 * Registers the hooks of a simulator test: one simulator for the file, provisioning moved by
 * hand (`admin.advance`), reset before each test. The fields are set once `beforeAll` ran: read
 * them in hooks and tests only.
 */
export function useManualSimulator(): ManualSimulator {
  const context = {} as ManualSimulator;
  beforeAll(async () => {
    context.simulator = await startSimulator({ provisioning: 'manual' });
    context.admin = new SimulatorAdmin(context.simulator.url);
    context.numbers = createNumbersTestClient(context.simulator.url, BASIC_AUTHORIZATION);
  });
  afterAll(() => context.simulator.close());
  beforeEach(() => context.admin.reset());
  return context;
}
