import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Tenant } from '../tenancy/Tenant.js';
import { bearerCredential } from './Authenticator.js';
import type { AuthenticationResult, Authenticator } from './Authenticator.js';
import { hashApiKey, MIN_API_KEY_LENGTH } from './hashApiKey.js';

/**
 * `GATEWAY_AUTH=apiKey`: the key comes as `Authorization: Bearer <key>` or `x-api-key: <key>`,
 * is hashed, and the digest is compared with every stored digest in constant time. Every
 * digest is compared, match or not, so the time taken says nothing about which one matched.
 */
export class ApiKeyAuthenticator implements Authenticator {
  readonly challenge = 'Bearer realm="sinch-graphql-gateway"';
  readonly #keys: Array<{ tenantId: string; sha256: Buffer }>;

  constructor(tenants: readonly Tenant[]) {
    this.#keys = tenants.flatMap((tenant) => tenant.apiKeys.map((key) => ({ tenantId: tenant.id, sha256: key.sha256 })));
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<AuthenticationResult> {
    const headerKey = headers['x-api-key'];
    const key = bearerCredential(headers) ?? (typeof headerKey === 'string' ? headerKey.trim() : undefined);
    if (key === undefined || key === '') {
      return { kind: 'rejected', reason: 'An API key is required: send Authorization: Bearer <key> or x-api-key: <key>.' };
    }
    if (key.length < MIN_API_KEY_LENGTH) {
      return { kind: 'rejected', reason: 'The API key is not valid.' };
    }
    const digest = hashApiKey(key);
    let tenantId: string | undefined;
    for (const stored of this.#keys) {
      if (timingSafeEqual(stored.sha256, digest) && tenantId === undefined) tenantId = stored.tenantId;
    }
    return tenantId === undefined ? { kind: 'rejected', reason: 'The API key is not valid.' } : { kind: 'authenticated', tenantId };
  }
}
