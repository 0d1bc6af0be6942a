import { OAuthTokenProvider } from '../../../src/upstream/auth/OAuthTokenProvider.js';
import { UpstreamHttpClient } from '../../../src/upstream/http/UpstreamHttpClient.js';
import { startFaultServer } from '../../support/faultServer.js';
import type { FaultHandler, FaultServer } from '../../support/faultServer.js';

export const KEY_ID = 'a1b2c3d4-key-id';
/** Characters that a sloppy Basic encoding or form encoding would get wrong. */
export const KEY_SECRET = 'Secr3t~/+=:%&Zz';
export const T0 = Date.parse('2024-06-06T12:00:00Z');

/** A JWT-shaped token as auth.sinch.com issues them; only `exp` matters to the gateway. */
export function jwt(expiresAtMs: number, id: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp: Math.floor(expiresAtMs / 1000), iat: Math.floor(T0 / 1000), jti: id })}.c2lnbmF0dXJl`;
}

export interface OAuthHarness {
  tokenServer: FaultServer;
  apiServer: FaultServer;
  provider: OAuthTokenProvider;
  api: UpstreamHttpClient;
  /** The injected clock: `clock.now` is what the provider reads. */
  clock: { now: number };
  /** The tokens issued so far, in order. */
  issued: string[];
  get(): Promise<unknown>;
  /** The bearer token each API request carried, in arrival order. */
  bearerTokens(): string[];
  close(): Promise<void>;
}

export interface OAuthHarnessOptions {
  /** What the token endpoint answers for the n-th token (0-based); default a JWT valid for an hour. */
  token?: (index: number, clock: { now: number }) => object;
  /** Delay of each token answer, so concurrent callers overlap. */
  tokenDelayMs?: number;
  /** How the API answers; default 200 `{}`. */
  api?: FaultHandler;
}

export async function startOAuthHarness(options: OAuthHarnessOptions = {}): Promise<OAuthHarness> {
  const [tokenServer, apiServer] = await Promise.all([startFaultServer(), startFaultServer()]);
  const clock = { now: T0 };
  const issued: string[] = [];
  tokenServer.handle(() => {
    const body = options.token?.(issued.length, clock) ?? { access_token: jwt(clock.now + 3_600_000, `t${issued.length + 1}`), expires_in: 3600, scope: '', token_type: 'bearer' };
    const token = (body as { access_token?: unknown }).access_token;
    if (typeof token === 'string') {
      issued.push(token);
    }
    return { status: 200, body, delayMs: options.tokenDelayMs };
  });
  apiServer.handle(options.api ?? (() => ({ status: 200, body: {} })));

  const authClient = new UpstreamHttpClient({ service: 'AUTH', origin: tokenServer.origin });
  const provider = new OAuthTokenProvider({ authClient, keyId: KEY_ID, keySecret: KEY_SECRET, now: () => clock.now });
  const api = new UpstreamHttpClient({ service: 'NUMBERS', origin: apiServer.origin, authenticator: provider });

  return {
    tokenServer,
    apiServer,
    provider,
    api,
    clock,
    issued,
    get: () => api.request({ method: 'GET', path: '/v1/projects/p/activeNumbers', route: '/v1/projects/{projectId}/activeNumbers' }),
    bearerTokens: () => apiServer.requests.map((request) => String(request.headers['authorization']).replace(/^Bearer /, '')),
    async close() {
      await Promise.all([authClient.close(), api.close()]);
      await Promise.all([tokenServer.close(), apiServer.close()]);
    },
  };
}

/** The API's answer to an expired token (REFERENCE 2.2). */
export const EXPIRED = {
  status: 401,
  headers: { 'www-authenticate': 'Bearer error="expired"' },
  body: { error: { code: 401, message: 'Token expired', status: 'UNAUTHENTICATED', details: [] } },
} as const;
