import type { UpstreamClients } from '../upstream/UpstreamClients.js';
import type { Caller } from './Caller.js';

export const IMPLICIT_TENANT_ID = 'default';

/**
 * `GATEWAY_AUTH=none`: everyone is the same caller, whose one project is `SINCH_PROJECT_ID`
 * (the simulator's project in simulator mode), served by the gateway's own clients. Not rate
 * limited: with one caller there is no one to be fair to; docs/security.md.
 */
export function implicitCaller(projectId: string, clients: UpstreamClients): Caller {
  return {
    tenantId: IMPLICIT_TENANT_ID,
    defaultProjectId: projectId,
    projectIds: new Set([projectId]),
    rateLimits: undefined,
    clientsFor(requested) {
      if (requested !== projectId) {
        throw new Error(`project ${requested} is not the configured project`);
      }
      return clients;
    },
  };
}
