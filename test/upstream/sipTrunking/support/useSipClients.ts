import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { useSimulator } from '../../../../src/server/useSimulator.js';
import { SIMULATOR_PROJECT_ID } from '../../../../src/simulator/simulatorCredentials.js';
import { startSimulator, type RunningSimulator } from '../../../../src/simulator/startSimulator.js';
import { createUpstreamClients, type UpstreamClients } from '../../../../src/upstream/UpstreamClients.js';
import { SimulatorAdmin } from '../../../support/simulatorAdmin.js';

export interface SipClients {
  simulator: RunningSimulator;
  admin: SimulatorAdmin;
  clients: UpstreamClients;
  /** The SIP Trunking routes the simulator received, in order. */
  sipRoutes(): Promise<string[]>;
}

/** The loader scope of these tests: the simulator's project, never aborted. */
export const scope = { projectId: SIMULATOR_PROJECT_ID, signal: new AbortController().signal };

/**
 * Registers the hooks of an upstream-level SIP test: a simulator and real upstream clients
 * pointed at it (no GraphQL), the simulator reset before each test.
 */
export function useSipClients(): SipClients {
  const context = {
    async sipRoutes() {
      return (await context.admin.requests('SIP_TRUNKING')).map((entry) => entry.route ?? entry.path);
    },
  } as SipClients;
  beforeAll(async () => {
    context.simulator = await startSimulator({ provisioning: 'manual' });
    context.admin = new SimulatorAdmin(context.simulator.url);
    const config = useSimulator(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), context.simulator.url);
    context.clients = createUpstreamClients({ sinch: config.sinch, upstream: config.upstream });
  });
  afterAll(async () => {
    await context.clients.close();
    await context.simulator.close();
  });
  beforeEach(() => context.admin.reset());
  return context;
}
