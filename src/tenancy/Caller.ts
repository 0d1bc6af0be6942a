import type { UpstreamClients } from '../upstream/UpstreamClients.js';
import type { MutationRateLimits } from './MutationRateLimits.js';

/**
 * The authenticated tenant as a request sees it: which projects it may act on, and the door
 * to the upstream clients of each. The request's context is bound to one of these projects
 * before execution (`projectSelectionPlugin`).
 */
export interface Caller {
  tenantId: string;
  defaultProjectId: string;
  projectIds: ReadonlySet<string>;
  /** Undefined: not rate limited (the implicit tenant of `GATEWAY_AUTH=none`). */
  rateLimits: MutationRateLimits | undefined;
  /** The clients holding this project's credentials; throws for a project outside `projectIds`. */
  clientsFor(projectId: string): UpstreamClients;
}
