import type { Logger } from 'pino';
import type { SinchConfig, UpstreamConfig } from '../config.js';
import { OAuthTokenProvider } from './auth/OAuthTokenProvider.js';
import { KnownSecrets } from './http/KnownSecrets.js';
import { UpstreamTextScrubber } from './http/UpstreamTextScrubber.js';
import { UpstreamHttpClient } from './http/UpstreamHttpClient.js';
import type { UpstreamCallEvent } from './http/UpstreamHttpClient.js';
import type { RequestAuthenticator } from './http/RequestAuthenticator.js';
import type { UpstreamCallTracer } from './http/UpstreamCallTracer.js';
import type { CircuitState, CircuitStateListener } from './resilience/CircuitState.js';
import { ServiceGuard } from './resilience/ServiceGuard.js';
import type { UpstreamService } from './UpstreamService.js';
import type { LimitStore } from '../store/LimitStore.js';
import { NumbersClient } from './numbers/NumbersClient.js';
import { VerificationClient } from './verification/VerificationClient.js';
import { SipTrunkingClient } from './sipTrunking/SipTrunkingClient.js';
import { createVerificationAuthenticator } from './verification/createVerificationAuthenticator.js';

/** The long-lived upstream side of the gateway: one pool per service, one token cache per credential. */
export interface UpstreamClients {
  numbers: NumbersClient;
  verification: VerificationClient;
  sipTrunking: SipTrunkingClient;
  /** The circuit state of every upstream service, now (for readiness and metrics). */
  circuitStates(): Record<UpstreamService, CircuitState>;
  /** Called on every circuit state change of any service; returns the function that unsubscribes. */
  onCircuitStateChange(listener: CircuitStateListener): () => void;
  close(): Promise<void>;
}

export interface UpstreamClientsOptions {
  sinch: SinchConfig;
  upstream: UpstreamConfig;
  logger?: Logger;
  onCall?: (event: UpstreamCallEvent) => void;
  /** A GET that joined an identical one in flight instead of being sent. */
  onSharedRead?: (service: UpstreamService) => void;
  /** Also available later through `UpstreamClients.onCircuitStateChange`. */
  onCircuitStateChange?: CircuitStateListener;
  /** The client spans of one origin's calls; absent when tracing is off. */
  tracerFor?: (origin: string) => UpstreamCallTracer;
  /**
   * Every secret of the gateway, shared by all client sets, so that no upstream error keeps a
   * piece of any of them (docs/security.md). This set's own credentials and tokens are added.
   */
  secrets?: KnownSecrets;
  /**
   * Where the Verification report budget counts, and whose budget it is (the tenant and
   * project of this client set); default a store of this client set's own.
   */
  limits?: { store: LimitStore; scope: string };
}

export function createUpstreamClients(options: UpstreamClientsOptions): UpstreamClients {
  const { sinch, upstream } = options;
  const secrets = options.secrets ?? new KnownSecrets();
  secrets.addAccessKey(sinch.keyId, sinch.keySecret);
  secrets.add(sinch.applicationSecret);
  const scrubber = new UpstreamTextScrubber({ secrets, sinchOrigins: [sinch.authUrl, sinch.numbersUrl, sinch.verificationUrl, sinch.sipUrl] });
  const guards = {} as Record<UpstreamService, ServiceGuard>;
  for (const service of UPSTREAM_SERVICES) {
    guards[service] = new ServiceGuard({
      service,
      windowMs: upstream.circuitWindowMs,
      minimumCalls: upstream.circuitMinimumCalls,
      failureRatio: upstream.circuitFailureRatio,
      resetMs: upstream.circuitResetMs,
      concurrency: upstream.connectionsPerOrigin,
      queueLimit: upstream.queueLimit,
    });
    guards[service].onStateChange((change) => {
      options.logger?.warn({ service: change.service, state: change.state, previous: change.previous }, 'upstream circuit state changed');
    });
    if (options.onCircuitStateChange) {
      guards[service].onStateChange(options.onCircuitStateChange);
    }
  }
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
      guard: guards[service],
      scrubber,
      // Token requests have their own single flight (OAuthTokenProvider).
      shareReads: upstream.shareReads && service !== 'AUTH',
      onSharedRead: options.onSharedRead && (() => options.onSharedRead?.(service)),
      tracer: options.tracerFor?.(origin),
      // The token request is a POST, but asking for a token twice changes nothing at Sinch (the
      // SDK retries token 429s too), so it is retried like a GET. Every other POST, PUT and
      // PATCH is sent once.
      retry: {
        maxRetries: upstream.retryMax,
        baseDelayMs: upstream.retryBaseDelayMs,
        retryAfterMaxMs: upstream.retryAfterMaxMs,
        methods: service === 'AUTH' ? ['GET', 'POST'] : ['GET'],
      },
    });

  const authHttp = http('AUTH', sinch.authUrl, undefined);
  const tokens =
    sinch.keyId !== undefined && sinch.keySecret !== undefined
      ? new OAuthTokenProvider({ authClient: authHttp, keyId: sinch.keyId, keySecret: sinch.keySecret, tokenHistory: secrets.tokenHistory() })
      : undefined;
  const numbersHttp = http('NUMBERS', sinch.numbersUrl, tokens);
  const sipHttp = http('SIP_TRUNKING', sinch.sipUrl, tokens);
  const verificationAuthenticator = createVerificationAuthenticator(sinch);
  const verificationHttp = http('VERIFICATION', sinch.verificationUrl, verificationAuthenticator);

  return {
    numbers: new NumbersClient(numbersHttp),
    verification: new VerificationClient(verificationHttp, { configured: verificationAuthenticator !== undefined, reportBudget: options.limits }),
    sipTrunking: new SipTrunkingClient(sipHttp),
    circuitStates() {
      return Object.fromEntries(UPSTREAM_SERVICES.map((service) => [service, guards[service].state])) as Record<UpstreamService, CircuitState>;
    },
    onCircuitStateChange(listener) {
      const stops = UPSTREAM_SERVICES.map((service) => guards[service].onStateChange(listener));
      return () => stops.forEach((stop) => stop());
    },
    async close() {
      await Promise.all([authHttp, numbersHttp, sipHttp, verificationHttp].map((client) => client.close()));
    },
  };
}

const UPSTREAM_SERVICES: readonly UpstreamService[] = ['NUMBERS', 'VERIFICATION', 'SIP_TRUNKING', 'AUTH'];
