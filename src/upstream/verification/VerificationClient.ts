import type { UpstreamHttpClient } from '../http/UpstreamHttpClient.js';

/** One method per endpoint of the Sinch Verification API. Placeholder until the domain lands. */
export class VerificationClient {
  constructor(readonly http: UpstreamHttpClient) {}
}
