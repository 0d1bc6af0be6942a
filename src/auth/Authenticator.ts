import type { IncomingHttpHeaders } from 'node:http';

/** Who the credentials of a request belong to, or why they were refused. */
export type AuthenticationResult = { kind: 'authenticated'; tenantId: string } | { kind: 'rejected'; reason: string };

/**
 * Turns a request's headers into a tenant. `reason` goes back to the client, so it never
 * quotes the presented key or token, and it does not say which tenant a key almost matched.
 */
export interface Authenticator {
  /** The value of `WWW-Authenticate` on a 401. */
  readonly challenge: string;
  authenticate(headers: IncomingHttpHeaders): Promise<AuthenticationResult>;
}

/** The credential of `Authorization: Bearer <value>`; undefined for any other scheme. */
export function bearerCredential(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}
