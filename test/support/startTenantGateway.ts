import { executionEnvironment } from './executionEnvironment.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { request } from 'undici';
import { stringify as toYaml } from 'yaml';
import { hashApiKey } from '../../src/auth/hashApiKey.js';
import { loadConfig } from '../../src/config.js';
import type { GatewayConfig } from '../../src/config.js';
import { createGateway } from '../../src/server/createGateway.js';
import type { Gateway } from '../../src/server/createGateway.js';
import { createLogger } from '../../src/server/createLogger.js';
import { useSimulator } from '../../src/server/useSimulator.js';
import {
  SECOND_SIMULATOR_PROJECT,
  SIMULATOR_APPLICATION_KEY,
  SIMULATOR_APPLICATION_SECRET,
  SIMULATOR_PROJECT,
} from '../../src/simulator/simulatorCredentials.js';
import { startSimulator } from '../../src/simulator/startSimulator.js';
import type { AuthenticatedRequest } from '../../src/simulator/state/AuthenticatedRequest.js';
import type { RequestLogEntry } from '../../src/simulator/core/RequestLog.js';
import { postGraphQL, type GraphQLResponse } from './postGraphQL.js';

/** The environment the tenants files of the tests name: one variable per credential of each simulated project. */
export const TENANT_CREDENTIALS_ENV: Record<string, string> = {
  MAIN_PROJECT_KEY_ID: SIMULATOR_PROJECT.keyId,
  MAIN_PROJECT_KEY_SECRET: SIMULATOR_PROJECT.keySecret,
  MAIN_PROJECT_APPLICATION_KEY: SIMULATOR_APPLICATION_KEY,
  MAIN_PROJECT_APPLICATION_SECRET: SIMULATOR_APPLICATION_SECRET,
  SECOND_PROJECT_KEY_ID: SECOND_SIMULATOR_PROJECT.keyId,
  SECOND_PROJECT_KEY_SECRET: SECOND_SIMULATOR_PROJECT.keySecret,
};

/** A tenants-file project entry for the simulator's main project (with its Verification application). */
export const MAIN_PROJECT_ENTRY = {
  projectId: SIMULATOR_PROJECT.projectId,
  keyIdEnv: 'MAIN_PROJECT_KEY_ID',
  keySecretEnv: 'MAIN_PROJECT_KEY_SECRET',
  applicationKeyEnv: 'MAIN_PROJECT_APPLICATION_KEY',
  applicationSecretEnv: 'MAIN_PROJECT_APPLICATION_SECRET',
};

/** A tenants-file project entry for the simulator's second project. */
export const SECOND_PROJECT_ENTRY = {
  projectId: SECOND_SIMULATOR_PROJECT.projectId,
  keyIdEnv: 'SECOND_PROJECT_KEY_ID',
  keySecretEnv: 'SECOND_PROJECT_KEY_SECRET',
};

/** A fresh API key, as a tenant would be issued one, and the digest the tenants file stores. */
export function newApiKey(): { key: string; sha256: string } {
  const key = randomBytes(32).toString('base64url');
  return { key, sha256: hashApiKey(key).toString('hex') };
}

/** Writes a tenants file into a fresh temporary directory; returns its path and how to remove it. */
export function writeTenantsFile(document: unknown, format: 'json' | 'yaml' = 'json'): { path: string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'tenants-'));
  const path = join(directory, `tenants.${format}`);
  writeFileSync(path, format === 'json' ? JSON.stringify(document, null, 2) : toYaml(document));
  return { path, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

export interface TenantGatewayOptions {
  /** `GATEWAY_AUTH`. */
  auth: 'none' | 'apiKey' | 'jwt';
  /** The tenants file document (`{ tenants: [...] }`); not needed with `none`. */
  tenantsFile?: unknown;
  format?: 'json' | 'yaml';
  /** Extra environment (GATEWAY_JWT_*, GRAPHQL_* ...). */
  env?: Record<string, string>;
  /** Where the gateway logs (debug level) go; silent when absent. */
  logDestination?: DestinationStream;
}

export interface TenantGateway {
  url: string;
  simulatorUrl: string;
  gateway: Gateway;
  config: GatewayConfig;
  query<TData = Record<string, unknown>>(document: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<TData>>;
  /** Every non-admin request the simulator received (optionally of one service). */
  simulatorRequests(service?: string): Promise<RequestLogEntry[]>;
  /** Which access key authenticated each project-scoped simulator request. */
  authentications(): Promise<AuthenticatedRequest[]>;
  /** Reseeds the simulator and empties its logs. */
  resetSimulator(): Promise<void>;
  /** Makes every access token the simulator issued so far expired: the gateway must fetch new ones. */
  expireSimulatorTokens(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real gateway with GATEWAY_AUTH and a tenants file, over a real simulator, both on loopback:
 * the multi-tenant counterpart of `startTestGateway`.
 */
export async function startTenantGateway(options: TenantGatewayOptions): Promise<TenantGateway> {
  const simulator = await startSimulator({ provisioning: 'manual' });
  const file = options.tenantsFile === undefined ? undefined : writeTenantsFile(options.tenantsFile, options.format);
  const environment = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    SINCH_SIMULATOR: 'true',
    GATEWAY_AUTH: options.auth,
    ...(file === undefined ? {} : { GATEWAY_TENANTS_FILE: file.path }),
    ...TENANT_CREDENTIALS_ENV,
    ...executionEnvironment(),
    ...options.env,
  };
  const config = useSimulator(loadConfig(environment), simulator.url);
  const logger = createLogger(options.logDestination === undefined ? 'silent' : 'debug', options.logDestination);
  const gateway = await createGateway(config, { logger });
  const url = await gateway.listen();
  const admin = async (method: 'GET' | 'POST' | 'DELETE', path: string) => {
    const response = await request(`${simulator.url}/__admin${path}`, { method });
    return response.statusCode === 204 ? (await response.body.dump(), undefined) : ((await response.body.json()) as Record<string, unknown>);
  };

  return {
    url,
    simulatorUrl: simulator.url,
    gateway,
    config,
    query: <TData>(document: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
      postGraphQL<TData>(url, document, variables, headers),
    async simulatorRequests(service) {
      const body = await admin('GET', service === undefined ? '/requests' : `/requests?service=${service}`);
      return (body?.['requests'] ?? []) as RequestLogEntry[];
    },
    async authentications() {
      return ((await admin('GET', '/authentications'))?.['authentications'] ?? []) as AuthenticatedRequest[];
    },
    async resetSimulator() {
      await admin('POST', '/reset');
    },
    async expireSimulatorTokens() {
      await admin('POST', '/tokens/expire');
    },
    async close() {
      await gateway.close();
      await simulator.close();
      file?.remove();
    },
  };
}
