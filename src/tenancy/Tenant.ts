import type { MutationRateLimits } from './MutationRateLimits.js';

/**
 * One customer of the gateway: who it is, which Sinch projects it may act on (each with its own
 * credentials) and how often it may call the sensitive mutations. Built once at start-up from
 * the tenants file (or, with `GATEWAY_AUTH=none`, from `SINCH_*` as the one implicit tenant).
 */
export interface Tenant {
  id: string;
  /** SHA-256 digests of the tenant's API keys; more than one while a key is being rotated. */
  apiKeys: ApiKeyDigest[];
  /** The project an operation acts on when it names none. */
  defaultProjectId: string;
  /** Every project the tenant may act on, by project id. */
  projects: ReadonlyMap<string, TenantProject>;
  /** Undefined for the implicit tenant of `GATEWAY_AUTH=none`: one caller has no one to be fair to. */
  rateLimits: MutationRateLimits | undefined;
}

export interface ApiKeyDigest {
  /** A name for the key (`ci-2026-01`), safe to log; never the key. */
  id: string;
  sha256: Buffer;
}

export interface TenantProject {
  projectId: string;
  credentials: ProjectCredentials;
}

/** The Sinch credentials of one project, read from the environment variables the tenants file names. */
export interface ProjectCredentials {
  keyId: string;
  keySecret: string;
  applicationKey: string | undefined;
  applicationSecret: string | undefined;
}
