import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import { bearerCredential } from './Authenticator.js';
import type { AuthenticationResult, Authenticator } from './Authenticator.js';

export interface JwtSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** The claim that names the tenant (`tenant` by default). */
  tenantClaim: string;
}

/**
 * Asymmetric algorithms only: with a JWKS the gateway holds public keys, and accepting an HMAC
 * algorithm would let anyone who knows a public key sign with it (algorithm confusion).
 */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/**
 * `GATEWAY_AUTH=jwt`: `Authorization: Bearer <JWT>` signed by a key of the identity provider's
 * JWKS (fetched and cached by jose, refetched when an unknown `kid` shows up), with this issuer
 * and audience, not expired, naming a known tenant in `tenantClaim`.
 */
export class JwtAuthenticator implements Authenticator {
  readonly challenge = 'Bearer realm="sinch-graphql-gateway"';
  readonly #keys: JWTVerifyGetKey;

  constructor(
    private readonly settings: JwtSettings,
    private readonly tenantIds: ReadonlySet<string>,
    private readonly logger?: Logger,
  ) {
    this.#keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<AuthenticationResult> {
    const token = bearerCredential(headers);
    if (token === undefined) {
      return { kind: 'rejected', reason: 'A bearer token is required: send Authorization: Bearer <JWT>.' };
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.#keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: 30,
      }));
    } catch (error) {
      // The JWKS endpoint failing is the operator's problem, worth a log line (its code, never
      // the token). jose's messages may quote claims; the client learns only that the token failed.
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        this.logger?.warn({ code: (error as { code?: unknown }).code, jwksUrl: this.settings.jwksUrl }, 'could not fetch the JWKS to verify a bearer token');
      }
      return { kind: 'rejected', reason: 'The bearer token is not valid.' };
    }
    const tenantId = payload[this.settings.tenantClaim];
    if (typeof tenantId !== 'string' || !this.tenantIds.has(tenantId)) {
      return { kind: 'rejected', reason: 'The bearer token does not name a tenant of this gateway.' };
    }
    return { kind: 'authenticated', tenantId };
  }
}
