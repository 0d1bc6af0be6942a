import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { AuthConfig, SinchConfig } from '../config.js';
import type { Caller } from '../tenancy/Caller.js';
import { implicitCaller } from '../tenancy/implicitCaller.js';
import { TenantDirectory } from '../tenancy/TenantDirectory.js';
import type { UpstreamClientsFactory } from '../tenancy/TenantDirectory.js';
import type { UpstreamClients } from '../upstream/UpstreamClients.js';
import { ApiKeyAuthenticator } from './ApiKeyAuthenticator.js';
import type { Authenticator } from './Authenticator.js';
import { JwtAuthenticator } from './JwtAuthenticator.js';
import { registerAuthentication } from './registerAuthentication.js';
import type { Authentication } from './registerAuthentication.js';

export interface GatewayAccessOptions {
  auth: AuthConfig;
  sinch: SinchConfig;
  /** The gateway's own clients (`SINCH_*`): the implicit tenant's, with `GATEWAY_AUTH=none`. */
  defaultClients: UpstreamClients;
  /** Builds the clients of one tenant project, with that project's credentials. */
  createClients: UpstreamClientsFactory;
  logger: Logger;
}

/** Who may call the gateway, and as which caller each request runs. */
export interface GatewayAccess {
  /** Installs authentication on `path` (nothing with `GATEWAY_AUTH=none`). */
  register(app: FastifyInstance, options: { path: string; landingPage: boolean }): void;
  /** The caller of an authenticated request. */
  callerOf(request: FastifyRequest): Caller;
  /**
   * Authenticates headers that did not come through the HTTP hook: a WebSocket's
   * `connectionParams`, which browsers must use because they cannot set upgrade headers.
   */
  authenticate(headers: IncomingHttpHeaders): Promise<CallerAuthentication>;
  /** Closes the tenants' upstream clients (not `defaultClients`, which the gateway owns). */
  close(): Promise<void>;
}

export type CallerAuthentication = { kind: 'authenticated'; caller: Caller } | { kind: 'rejected'; reason: string };

/** Picks the authenticator and the tenants for `GATEWAY_AUTH`; docs/security.md. */
export function createGatewayAccess(options: GatewayAccessOptions): GatewayAccess {
  const { auth } = options;
  if (auth.mode === 'none') {
    const projectId = options.sinch.projectId;
    if (projectId === undefined) {
      throw new Error('GATEWAY_AUTH=none needs config.sinch.projectId');
    }
    const caller = implicitCaller(projectId, options.defaultClients);
    return {
      register: () => undefined,
      callerOf: () => caller,
      authenticate: async () => ({ kind: 'authenticated', caller }),
      close: async () => undefined,
    };
  }

  const directory = new TenantDirectory(auth.tenants, options.sinch, options.createClients);
  const authenticator: Authenticator =
    auth.mode === 'apiKey' ? new ApiKeyAuthenticator(auth.tenants) : new JwtAuthenticator(auth.jwt, directory.tenantIds, options.logger.child({ component: 'auth' }));
  let authentication: Authentication | undefined;
  return {
    register(app, registration) {
      authentication = registerAuthentication(app, authenticator, registration);
    },
    callerOf(request) {
      const tenantId = authentication?.tenantOf(request);
      if (tenantId === undefined) {
        // The hook refuses unauthenticated requests before they get here. Should one ever get
        // past it, it is refused as the hook would refuse it (401), never a 500 or a run.
        throw new GraphQLError('Credentials are required.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      return directory.callerFor(tenantId);
    },
    async authenticate(headers) {
      const result = await authenticator.authenticate(headers);
      return result.kind === 'authenticated' ? { kind: 'authenticated', caller: directory.callerFor(result.tenantId) } : result;
    },
    close: () => directory.close(),
  };
}
