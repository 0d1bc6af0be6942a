import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applySeededCallbackUrl } from './numbers/applySeededCallbackUrl.js';
import { createSimulator } from './createSimulator.js';
import type { SimulatorOptions } from './SimulatorOptions.js';

export interface RunningSimulator {
  /** `http://HOST:PORT`, no trailing slash: pass it as authHostname and numbersHostname. */
  url: string;
  /** Stops timers, drops every connection (hanging requests included) and closes the port. */
  close(): Promise<void>;
  /**
   * Points the seeded numbers' `callbackUrl` at `url` ('' for none), now and after every reset;
   * numbers whose URL was changed through the API keep theirs. `npm start` passes the gateway's
   * own webhook, which is only known once the gateway listens.
   */
  setSeededCallbackUrl(url: string): void;
}

/** Starts the Sinch simulator on `options.host:options.port` (127.0.0.1 and a free port by default). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const simulator = createSimulator(options);
  const server = createServer(simulator.handleRequest);
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // The seeded jobs already hold timers; a simulator that never listened must not keep them.
    simulator.shutdown();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    setSeededCallbackUrl: (url) => applySeededCallbackUrl(simulator.context, url),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        simulator.shutdown();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
