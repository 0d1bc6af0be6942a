import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SimulatorAdmin } from '../../../support/simulatorAdmin.js';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from '../../../support/startTestGateway.js';

export interface SipTestGateway {
  gateway: TestGateway;
  admin: SimulatorAdmin;
}

/**
 * Registers the hooks of a SIP Trunking test file: one gateway over a simulator for the file,
 * the simulator reseeded before each test. The fields are set once `beforeAll` ran: read them in
 * hooks and tests only.
 */
export function useSipTestGateway(options?: TestGatewayOptions): SipTestGateway {
  const context = {} as SipTestGateway;
  beforeAll(async () => {
    context.gateway = await startTestGateway(options);
    context.admin = new SimulatorAdmin(context.gateway.simulatorUrl);
  });
  afterAll(() => context.gateway.close());
  beforeEach(() => context.admin.reset());
  return context;
}
