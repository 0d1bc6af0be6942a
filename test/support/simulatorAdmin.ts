import type { FaultDefinition } from '../../src/simulator/core/FaultInjector.js';
import type { RequestLogEntry } from '../../src/simulator/core/RequestLog.js';
import type { SimulatorService } from '../../src/simulator/core/SimulatorRequest.js';
import type { ProvisioningStep } from '../../src/simulator/numbers/ProvisioningEngine.js';
import type { SimulatorConfig, ProvisioningTiming } from '../../src/simulator/SimulatorOptions.js';
import { callSimulatorAdmin } from './callSimulatorAdmin.js';

export type { FaultDefinition, ProvisioningStep, RequestLogEntry };

/** A typed client of the simulator's `/__admin` API, for tests. Throws on any non-2xx answer. */
export class SimulatorAdmin {
  readonly #simulatorUrl: string;

  constructor(simulatorUrl: string) {
    this.#simulatorUrl = simulatorUrl;
  }

  async requests(service?: SimulatorService): Promise<RequestLogEntry[]> {
    const query = service === undefined ? '' : `?service=${service}`;
    return (await this.#call<{ requests: RequestLogEntry[] }>('GET', `/requests${query}`)).requests;
  }

  async clearRequests(): Promise<void> {
    await this.#call('DELETE', '/requests');
  }

  /** Registers a fault and returns its id. */
  async addFault(fault: FaultDefinition): Promise<string> {
    return (await this.#call<{ id: string }>('POST', '/faults', fault)).id;
  }

  async clearFaults(): Promise<void> {
    await this.#call('DELETE', '/faults');
  }

  /** Reseeds the data and clears the request log, faults and scripted outcomes. */
  async reset(): Promise<void> {
    await this.#call('POST', '/reset');
  }

  /** Makes every access token issued so far expired. */
  async expireTokens(): Promise<void> {
    await this.#call('POST', '/tokens/expire');
  }

  async configure(config: { latencyMs?: number; provisioning?: ProvisioningTiming }): Promise<SimulatorConfig> {
    return this.#call<SimulatorConfig>('PUT', '/config', config);
  }

  /** Scripts how the next SMS provisioning job of `phoneNumber` ends; no codes = success. */
  async scriptOutcome(phoneNumber: string, errorCodes: string[] = []): Promise<void> {
    await this.#call('POST', '/provisioning/outcomes', { phoneNumber, errorCodes });
  }

  /** Moves every pending provisioning job (or those of one number) one step forward. */
  async advance(phoneNumber?: string): Promise<ProvisioningStep[]> {
    const body = phoneNumber === undefined ? undefined : { phoneNumber };
    return (await this.#call<{ steps: ProvisioningStep[] }>('POST', '/provisioning/advance', body)).steps;
  }

  #call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return callSimulatorAdmin<T>(this.#simulatorUrl, method, path, body);
  }
}
