import { Pool } from 'undici';
import { signVerificationRequest } from '../src/upstream/verification/signVerificationRequest.js';

export interface BaselineCredentials {
  origin: string;
  projectId: string;
  keyId: string;
  keySecret: string;
  applicationKey: string;
  applicationSecret: string;
  /** Keep-alive connections per service, as the gateway's UPSTREAM_CONNECTIONS. */
  connections: number;
}

/**
 * The upstream side of the baseline server: what any client of the three APIs must do at
 * least. One keep-alive pool per service (the gateway has one per origin; here the three share
 * the simulator's origin, so three pools keep the connection budget equal), the OAuth2 token
 * fetched once and reused, Verification requests signed like the gateway signs them (the signer
 * is a pure function of the protocol, imported so both sides do identical work).
 */
export class BaselineUpstream {
  readonly projectPath: string;
  readonly #numbers: Pool;
  readonly #sip: Pool;
  readonly #verification: Pool;
  #bearer = '';

  constructor(readonly credentials: BaselineCredentials) {
    const options = { connections: credentials.connections, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 };
    this.#numbers = new Pool(credentials.origin, options);
    this.#sip = new Pool(credentials.origin, options);
    this.#verification = new Pool(credentials.origin, options);
    this.projectPath = `/v1/projects/${credentials.projectId}`;
  }

  /** Fetches the one token this process uses (tokens live an hour; a run takes minutes). */
  async authenticate(): Promise<void> {
    const basic = Buffer.from(`${this.credentials.keyId}:${this.credentials.keySecret}`).toString('base64');
    const response = await this.#numbers.request({
      method: 'POST',
      path: '/oauth2/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const token = (await response.body.json()) as { access_token?: string };
    if (response.statusCode !== 200 || typeof token.access_token !== 'string') throw new Error(`token request answered ${response.statusCode}`);
    this.#bearer = `Bearer ${token.access_token}`;
  }

  numbers<T>(method: 'GET' | 'PATCH', path: string, body?: unknown): Promise<T> {
    return this.#call<T>(this.#numbers, method, `${this.projectPath}${path}`, { authorization: this.#bearer }, body);
  }

  sip<T>(path: string): Promise<T> {
    return this.#call<T>(this.#sip, 'GET', `${this.projectPath}${path}`, { authorization: this.#bearer });
  }

  verification<T>(path: string): Promise<T> {
    const { applicationKey, applicationSecret } = this.credentials;
    const headers = signVerificationRequest({ applicationKey, applicationSecret, method: 'GET', path, contentType: undefined, body: undefined, timestamp: new Date().toISOString() });
    return this.#call<T>(this.#verification, 'GET', path, { ...headers });
  }

  async close(): Promise<void> {
    await Promise.all([this.#numbers.close(), this.#sip.close(), this.#verification.close()]);
  }

  async #call<T>(pool: Pool, method: 'GET' | 'PATCH', path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const response = await pool.request({
      method,
      path,
      headers: text === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: text,
    });
    const parsed = (await response.body.json()) as T;
    if (response.statusCode !== 200) throw new Error(`${method} ${path} answered ${response.statusCode}: ${JSON.stringify(parsed)}`);
    return parsed;
  }
}
