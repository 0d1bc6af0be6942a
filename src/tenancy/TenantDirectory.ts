import type { SinchConfig } from '../config.js';
import type { UpstreamClients } from '../upstream/UpstreamClients.js';
import type { Caller } from './Caller.js';
import type { Tenant, TenantProject } from './Tenant.js';

/** Builds a client set for a project; `owner` is the tenant it serves, whose limits it keeps. */
export type UpstreamClientsFactory = (sinch: SinchConfig, owner?: { tenantId: string }) => UpstreamClients;

/**
 * Every tenant, and the upstream clients of each (tenant, project) pair. Clients are created on
 * first use and kept for the life of the process: each set has its own pools, circuit breakers,
 * OAuth token cache and verification report budget, so nothing a client remembers about one
 * tenant (a token, a spent budget, an open circuit) is ever used for another, even when two
 * tenants name the same Sinch project.
 */
export class TenantDirectory {
  readonly #tenants: ReadonlyMap<string, Tenant>;
  readonly #callers = new Map<string, Caller>();
  readonly #clients = new Map<string, UpstreamClients>();
  #closed = false;

  constructor(
    tenants: readonly Tenant[],
    private readonly sinch: SinchConfig,
    private readonly createClients: UpstreamClientsFactory,
  ) {
    this.#tenants = new Map(tenants.map((tenant) => [tenant.id, tenant]));
  }

  get tenantIds(): ReadonlySet<string> {
    return new Set(this.#tenants.keys());
  }

  get tenants(): Tenant[] {
    return [...this.#tenants.values()];
  }

  /** The caller for an authenticated tenant id; throws for an unknown one (an authenticator defect). */
  callerFor(tenantId: string): Caller {
    const existing = this.#callers.get(tenantId);
    if (existing !== undefined) return existing;
    const tenant = this.#tenants.get(tenantId);
    if (tenant === undefined) {
      throw new Error(`no tenant ${tenantId}`);
    }
    const caller: Caller = {
      tenantId,
      defaultProjectId: tenant.defaultProjectId,
      projectIds: new Set(tenant.projects.keys()),
      rateLimits: tenant.rateLimits,
      clientsFor: (projectId) => {
        const project = tenant.projects.get(projectId);
        if (project === undefined) {
          throw new Error(`project ${projectId} is not one of tenant ${tenantId}'s projects`);
        }
        return this.#clientsOf(tenant, project);
      },
    };
    this.#callers.set(tenantId, caller);
    return caller;
  }

  /** Closes every client set created so far; later requests for clients fail. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#clients.values()].map((clients) => clients.close()));
    this.#clients.clear();
  }

  #clientsOf(tenant: Tenant, project: TenantProject): UpstreamClients {
    // JSON of the pair: no separator character can make two different pairs collide.
    const key = JSON.stringify([tenant.id, project.projectId]);
    const existing = this.#clients.get(key);
    if (existing !== undefined) return existing;
    if (this.#closed) {
      throw new Error('the gateway is shutting down');
    }
    const { credentials } = project;
    const clients = this.createClients({
      ...this.sinch,
      projectId: project.projectId,
      keyId: credentials.keyId,
      keySecret: credentials.keySecret,
      applicationKey: credentials.applicationKey,
      applicationSecret: credentials.applicationSecret,
    }, { tenantId: tenant.id });
    this.#clients.set(key, clients);
    return clients;
  }
}
