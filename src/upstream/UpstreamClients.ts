import type { Logger } from 'pino';
import type { SinchConfig, UpstreamConfig } from '../config.js';
import { OAuthTokenProvider } from './auth/OAuthTokenProvider.js';
import { UpstreamHttpClient } from './http/UpstreamHttpClient.js';
import type { UpstreamCallEvent } from './http/UpstreamHttpClient.js';
import type { RequestAuthenticator } from './http/RequestAuthenticator.js';
import type { UpstreamService } from './UpstreamService.js';
import { NumbersClient } from './numbers/NumbersClient.js';
import { VerificationClient } from './verification/VerificationClient.js';
import { SipTrunkingClient } from './sipTrunking/SipTrunkingClient.js';
import { createVerificationAuthenticator } from './verification/createVerificationAuthenticator.js';

/** The long-lived upstream side of the gateway: one pool per service, one token cache per credential. */
export interface UpstreamClients {
  numbers: NumbersClient;
  verification: VerificationClient;
  sipTrunking: SipTrunkingClient;
  close(): Promise<void>;
}

export interface UpstreamClientsOptions {
  sinch: SinchConfig;
  upstream: UpstreamConfig;
  logger?: Logger;
  onCall?: (event: UpstreamCallEvent) => void;
}

export function createUpstreamClients(options: UpstreamClientsOptions): UpstreamClients {
  const { sinch } = options;
  const http = (service: UpstreamService, origin: string, authenticator: RequestAuthenticator | undefined) =>
    new UpstreamHttpClient({
      service,
      origin,
      authenticator,
      connections: options.upstream.connectionsPerOrigin,
      connectTimeoutMs: options.upstream.connectTimeoutMs,
      headersTimeoutMs: options.upstream.headersTimeoutMs,
      bodyTimeoutMs: options.upstream.bodyTimeoutMs,
      requestTimeoutMs: options.upstream.requestTimeoutMs,
      maxResponseBytes: options.upstream.maxResponseBytes,
      logger: options.logger,
      onCall: options.onCall,
    });

  const authHttp = http('AUTH', sinch.authUrl, undefined);
  const tokens =
    sinch.keyId !== undefined && sinch.keySecret !== undefined
      ? new OAuthTokenProvider({ authClient: authHttp, keyId: sinch.keyId, keySecret: sinch.keySecret })
      : undefined;
  const numbersHttp = http('NUMBERS', sinch.numbersUrl, tokens);
  const sipHttp = http('SIP_TRUNKING', sinch.sipUrl, tokens);
  const verificationAuthenticator = createVerificationAuthenticator(sinch);
  const verificationHttp = http('VERIFICATION', sinch.verificationUrl, verificationAuthenticator);

  return {
    numbers: new NumbersClient(numbersHttp),
    verification: new VerificationClient(verificationHttp, { configured: verificationAuthenticator !== undefined }),
    sipTrunking: new SipTrunkingClient(sipHttp),
    async close() {
      await Promise.all([authHttp, numbersHttp, sipHttp, verificationHttp].map((client) => client.close()));
    },
  };
}
