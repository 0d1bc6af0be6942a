import type { UpstreamHttpClient } from '../http/UpstreamHttpClient.js';

/** One method per endpoint of the Sinch Numbers API. Placeholder until the domain lands. */
export class NumbersClient {
  constructor(readonly http: UpstreamHttpClient) {}
}
