import { UpstreamError } from '../UpstreamError.js';
import type { UpstreamHttpClient } from '../http/UpstreamHttpClient.js';
import type { RequestAuthenticator } from '../http/RequestAuthenticator.js';
import type { TokenHistory } from '../http/KnownSecrets.js';

export interface OAuthTokenProviderOptions {
  /** A client for the token origin (`SINCH_AUTH_URL`), service `AUTH`. */
  authClient: UpstreamHttpClient;
  keyId: string;
  keySecret: string;
  /** Refresh this long before the token's `exp` (REFERENCE 2.2: the SDK uses 60 s). */
  refreshMarginSeconds?: number;
  now?: () => number;
  /** Told every new token, so that no upstream error can echo a current or recent one (KnownSecrets). */
  tokenHistory?: TokenHistory;
}

interface CachedToken {
  accessToken: string;
  /** Epoch milliseconds after which the token must not be used; undefined when unknown. */
  refreshAtMs: number | undefined;
}

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
}

/**
 * OAuth2 client-credentials tokens for one Sinch access key (Numbers and Elastic SIP Trunking).
 *
 * One cached token per credential. Concurrent callers that find no usable token share a single
 * in-flight token request, so a burst of first requests costs one call to the token endpoint.
 * The token is refreshed `refreshMarginSeconds` before the `exp` claim of its JWT payload (or
 * `expires_in` when the token is not a JWT). When an API answers 401 with a `WWW-Authenticate`
 * header that says `expired`, the cached token is dropped (only if it is still the one that
 * failed, so parallel failures cause one refresh) and the request is replayed once.
 */
export class OAuthTokenProvider implements RequestAuthenticator {
  private cached: CachedToken | undefined;
  private inFlight: Promise<CachedToken> | undefined;
  private readonly options: OAuthTokenProviderOptions;
  private readonly now: () => number;

  constructor(options: OAuthTokenProviderOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  async headersFor(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.accessToken()}` };
  }

  shouldReplay(responseHeaders: Record<string, string | string[] | undefined>, usedHeaders: Record<string, string>): boolean {
    const challenge = responseHeaders['www-authenticate'];
    const text = Array.isArray(challenge) ? challenge.join(', ') : (challenge ?? '');
    if (!/expired/i.test(text)) {
      return false;
    }
    if (this.cached && usedHeaders['authorization'] === `Bearer ${this.cached.accessToken}`) {
      this.cached = undefined;
    }
    return true;
  }

  async accessToken(): Promise<string> {
    const cached = this.cached;
    if (cached && (cached.refreshAtMs === undefined || this.now() < cached.refreshAtMs)) {
      return cached.accessToken;
    }
    this.inFlight ??= this.requestToken().finally(() => {
      this.inFlight = undefined;
    });
    const token = await this.inFlight;
    return token.accessToken;
  }

  private async requestToken(): Promise<CachedToken> {
    const basic = Buffer.from(`${this.options.keyId}:${this.options.keySecret}`).toString('base64');
    const requestedAt = this.now();
    const response = await this.options.authClient.request<TokenResponse>({
      method: 'POST',
      path: '/oauth2/token',
      route: '/oauth2/token',
      form: new URLSearchParams({ grant_type: 'client_credentials' }),
      headers: { authorization: `Basic ${basic}` },
    });
    const accessToken = response.body?.access_token;
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new UpstreamError({ service: 'AUTH', failure: 'BAD_RESPONSE', endpoint: 'POST /oauth2/token', httpStatus: response.statusCode });
    }
    this.options.tokenHistory?.remember(accessToken);
    const token: CachedToken = { accessToken, refreshAtMs: this.refreshTime(accessToken, response.body.expires_in, requestedAt) };
    this.cached = token;
    return token;
  }

  private refreshTime(accessToken: string, expiresIn: unknown, requestedAt: number): number | undefined {
    const marginMs = (this.options.refreshMarginSeconds ?? 60) * 1000;
    const expiry = jwtExpiryMs(accessToken);
    if (expiry !== undefined) {
      return expiry - marginMs;
    }
    if (typeof expiresIn === 'number' && Number.isFinite(expiresIn)) {
      return requestedAt + expiresIn * 1000 - marginMs;
    }
    return undefined;
  }
}

/** The `exp` claim of a JWT, read without verifying it (only Sinch verifies its tokens). */
export function jwtExpiryMs(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) {
    return undefined;
  }
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const exp = (payload as { exp?: unknown } | null)?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
