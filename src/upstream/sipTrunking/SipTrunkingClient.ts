import type { UpstreamHttpClient } from '../http/UpstreamHttpClient.js';

/** One method per endpoint of the Sinch SipTrunking API. Placeholder until the domain lands. */
export class SipTrunkingClient {
  constructor(readonly http: UpstreamHttpClient) {}
}
