import type { GatewayContext } from '../../GatewayContext.js';
import type { ProvisioningLifecycle } from '../../../provisioning/ProvisioningLifecycle.js';

/** The gateway's lifecycle; every gateway has one, so its absence is a wiring defect (a masked INTERNAL error). */
export function requireProvisioning(context: GatewayContext): ProvisioningLifecycle {
  if (context.provisioning === undefined) {
    throw new Error('the context has no provisioning lifecycle: createGateway passes it to createContext');
  }
  return context.provisioning;
}
