import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type TokenVerdict = { kind: 'valid'; keyId: string } | { kind: 'expired' } | { kind: 'invalid' };

interface TokenPayload {
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  jti: string;
}

const HEADER = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Issues JWT-shaped access tokens. The Sinch SDKs decode `exp` to refresh a token before it
 * runs out, so tokens must be real three-part JWTs; they are signed with a secret that only
 * lives as long as this simulator, so a token from another simulator is simply invalid.
 */
export class TokenIssuer {
  readonly #secret = randomBytes(32);
  #issued = 0;
  /** Tokens whose sequence number is at most this are treated as expired. */
  #expiredUpTo = 0;

  readonly #ttlSeconds: () => number;

  constructor(ttlSeconds: () => number) {
    this.#ttlSeconds = ttlSeconds;
  }

  issue(keyId: string, issuer: string): { token: string; expiresIn: number } {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresIn = this.#ttlSeconds();
    this.#issued += 1;
    const payload: TokenPayload = { iss: issuer, sub: keyId, iat: issuedAt, exp: issuedAt + expiresIn, jti: String(this.#issued) };
    const unsigned = `${HEADER}.${base64Url(JSON.stringify(payload))}`;
    return { token: `${unsigned}.${this.#sign(unsigned)}`, expiresIn };
  }

  /** Makes every token issued so far expired, as if the clock had jumped past their `exp`. */
  expireAll(): void {
    this.#expiredUpTo = this.#issued;
  }

  verify(token: string): TokenVerdict {
    const parts = token.split('.');
    if (parts.length !== 3) return { kind: 'invalid' };
    const [header, body, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.#sign(`${header}.${body}`));
    const received = Buffer.from(signature);
    if (expected.length !== received.length || !timingSafeEqual(expected, received)) return { kind: 'invalid' };
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    if (Number(payload.jti) <= this.#expiredUpTo || payload.exp <= Date.now() / 1000) return { kind: 'expired' };
    return { kind: 'valid', keyId: payload.sub };
  }

  #sign(unsigned: string): string {
    return createHmac('sha256', this.#secret).update(unsigned).digest('base64url');
  }
}

function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
