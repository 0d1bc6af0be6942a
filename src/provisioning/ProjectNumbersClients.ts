import type { AuthConfig, SinchConfig } from '../config.js';
import type { TenantProject } from '../tenancy/Tenant.js';
import type { UpstreamClientsFactory } from '../tenancy/TenantDirectory.js';
import type { NumbersClient } from '../upstream/numbers/NumbersClient.js';
import type { UpstreamClients } from '../upstream/UpstreamClients.js';

/**
 * The Numbers clients the gateway uses on its own behalf, outside any GraphQL request: to read
 * a project's callback secret, to re-read a number after a callback, to poll. A callback names a
 * project, not a tenant, so these are per project: the gateway's own clients for `SINCH_PROJECT_ID`,
 * and for every other project of the tenants file one client set of its own, created on first
 * use with the credentials the file names for it (the first tenant listing it). A project the
 * gateway does not serve has none, which answers "unknown" without a network call.
 */
export interface ProjectNumbersClients {
  numbersFor(projectId: string): NumbersClient | undefined;
  close(): Promise<void>;
}

export interface ProjectNumbersClientsOptions {
  auth: AuthConfig;
  sinch: SinchConfig;
  defaultClients: UpstreamClients;
  createClients: UpstreamClientsFactory;
}

export function createProjectNumbersClients(options: ProjectNumbersClientsOptions): ProjectNumbersClients {
  const { auth, sinch, defaultClients } = options;
  const projects = new Map<string, TenantProject>();
  if (auth.mode !== 'none') {
    for (const tenant of auth.tenants) {
      for (const project of tenant.projects.values()) {
        if (!projects.has(project.projectId)) projects.set(project.projectId, project);
      }
    }
  }
  const created = new Map<string, UpstreamClients>();
  let closed = false;

  return {
    numbersFor(projectId) {
      if (closed) return undefined;
      if (projectId === sinch.projectId && (auth.mode === 'none' || !projects.has(projectId))) return defaultClients.numbers;
      const project = projects.get(projectId);
      if (project === undefined) return undefined;
      let clients = created.get(projectId);
      if (clients === undefined) {
        const { credentials } = project;
        clients = options.createClients({
          ...sinch,
          projectId,
          keyId: credentials.keyId,
          keySecret: credentials.keySecret,
          applicationKey: credentials.applicationKey,
          applicationSecret: credentials.applicationSecret,
        });
        created.set(projectId, clients);
      }
      return clients.numbers;
    },
    async close() {
      closed = true;
      await Promise.all([...created.values()].map((clients) => clients.close()));
      created.clear();
    },
  };
}
