import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

export interface NumbersTestGateway extends TestGateway {
  admin: SimulatorAdmin;
  /** The Numbers API calls the simulator received since the last reset, as `METHOD route-template`. */
  numbersCalls(): Promise<string[]>;
}

/** A gateway over a simulator in manual provisioning mode, plus the simulator's admin client. */
export async function startNumbersTestGateway(): Promise<NumbersTestGateway> {
  const gateway = await startTestGateway();
  const admin = new SimulatorAdmin(gateway.simulatorUrl);
  return {
    ...gateway,
    admin,
    async numbersCalls() {
      return (await admin.requests('NUMBERS')).map((entry) => entry.route ?? `${entry.method} ${entry.path} (no route)`);
    },
  };
}

export const ROUTES = {
  getActiveNumber: 'GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}',
  listActiveNumbers: 'GET /v1/projects/{projectId}/activeNumbers',
  updateActiveNumber: 'PATCH /v1/projects/{projectId}/activeNumbers/{phoneNumber}',
} as const;
