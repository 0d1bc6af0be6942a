import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTenantGateway, type TenantGateway, type TenantGatewayOptions } from '../support/startTenantGateway.js';

export interface TenantGatewaySetup {
  gateway: TenantGateway;
}

/**
 * Registers the hooks of a multi-tenant test: one tenant gateway for the describe block, the
 * simulator reseeded before each test. `gateway` is set once `beforeAll` ran: read it in hooks
 * and tests only.
 */
export function useTenantGateway(options: TenantGatewayOptions): TenantGatewaySetup {
  const context = {} as TenantGatewaySetup;
  beforeAll(async () => {
    context.gateway = await startTenantGateway(options);
  });
  afterAll(() => context.gateway.close());
  beforeEach(() => context.gateway.resetSimulator());
  return context;
}
