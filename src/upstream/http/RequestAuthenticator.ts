/** What an authenticator may look at to produce the headers of one upstream request. */
export interface RequestToAuthorize {
  method: string;
  /** The path only, without origin or query (what Verification signs). */
  path: string;
  contentType: string | undefined;
  body: string | undefined;
}

/**
 * Adds credentials to upstream requests. Numbers and Elastic SIP Trunking use OAuth2 bearer
 * tokens; Verification signs each request. Implementations never log what they produce.
 */
export interface RequestAuthenticator {
  headersFor(request: RequestToAuthorize): Promise<Record<string, string>>;
  /**
   * Called when the upstream answered 401 to a request that carried `usedHeaders`. Returns true
   * when fresh credentials were obtained and the request should be replayed (once).
   */
  shouldReplay?(responseHeaders: Record<string, string | string[] | undefined>, usedHeaders: Record<string, string>): boolean;
}
