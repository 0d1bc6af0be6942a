import { loadConfig } from '../../../src/config.js';
import { useSimulator } from '../../../src/server/useSimulator.js';
import { SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { startSimulator } from '../../../src/simulator/startSimulator.js';
import type { LoaderScope } from '../../../src/upstream/LoaderScope.js';
import { createUpstreamClients } from '../../../src/upstream/UpstreamClients.js';
import type { UpstreamClients } from '../../../src/upstream/UpstreamClients.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';

export interface NumbersUpstreamHarness {
  clients: UpstreamClients;
  admin: SimulatorAdmin;
  scope(signal?: AbortSignal): LoaderScope;
  /** The Numbers calls the simulator received since the last reset: route template and query. */
  numbersCalls(): Promise<Array<{ route: string | null; query: Record<string, string | string[]>; path: string }>>;
  close(): Promise<void>;
}

/** The real upstream clients over a real simulator (manual provisioning), without GraphQL. */
export async function startNumbersUpstreamHarness(): Promise<NumbersUpstreamHarness> {
  const simulator = await startSimulator({ provisioning: 'manual' });
  const config = useSimulator(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' }), simulator.url);
  const clients = createUpstreamClients({ sinch: config.sinch, upstream: config.upstream });
  const admin = new SimulatorAdmin(simulator.url);
  return {
    clients,
    admin,
    scope: (signal = new AbortController().signal) => ({ projectId: SIMULATOR_PROJECT_ID, signal }),
    async numbersCalls() {
      return (await admin.requests('NUMBERS')).map(({ route, query, path }) => ({ route, query, path }));
    },
    async close() {
      await clients.close();
      await simulator.close();
    },
  };
}
