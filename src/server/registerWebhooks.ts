import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ProvisioningConfig } from '../config.js';
import { createCallbackSecretSource } from '../provisioning/CallbackSecretSource.js';
import type { ProvisioningLifecycle } from '../provisioning/ProvisioningLifecycle.js';
import type { ProjectNumbersClients } from '../provisioning/ProjectNumbersClients.js';
import type { ProvisioningMetrics } from '../observability/ProvisioningMetrics.js';
import { RedisEventIdClaims } from '../store/RedisEventIdClaims.js';
import type { RedisConnection } from '../store/RedisConnection.js';
import type { KnownSecrets } from '../upstream/http/KnownSecrets.js';
import { registerNumbersWebhook } from '../webhooks/registerNumbersWebhook.js';
import type { NumbersCallbackEvent } from '../webhooks/NumbersCallbackEvent.js';

export interface WebhookRegistrationOptions {
  config: ProvisioningConfig;
  projects: ProjectNumbersClients;
  lifecycle: ProvisioningLifecycle;
  logger: Logger;
  /** With tracing on: runs the processing of one callback in its span (traceCallbacks.ts). */
  traceCallback?: (callback: NumbersCallbackEvent, handle: () => Promise<void>) => Promise<void>;
  /** With a store, event ids are claimed once across replicas (docs/webhooks.md, "Shared across replicas"). */
  store?: RedisConnection | undefined;
  metrics?: ProvisioningMetrics;
  /** Told every callback secret read from Sinch. */
  secrets?: KnownSecrets;
}

/**
 * Receives Sinch Numbers callbacks at `NUMBERS_WEBHOOK_PATH` (docs/webhooks.md) and hands every
 * verified, new event to the provisioning lifecycle, which re-reads the resource and publishes
 * it to subscriptions. The route is outside `/graphql`, so client authentication does not apply:
 * the HMAC signature is the callback's credential.
 */
export async function registerWebhooks(app: FastifyInstance, options: WebhookRegistrationOptions): Promise<void> {
  const logger = options.logger.child({ component: 'webhook' });
  await registerNumbersWebhook(app, {
    path: options.config.webhookPath,
    secret: createCallbackSecretSource(options.projects, options.config.callbackSecret, (secret) => options.secrets?.add(secret)),
    onEvent: (event) => (options.traceCallback === undefined ? options.lifecycle.handleCallback(event) : options.traceCallback(event, () => options.lifecycle.handleCallback(event))),
    maxAgeSeconds: options.config.callbacks.maxAgeSeconds,
    maxSkewSeconds: options.config.callbacks.maxSkewSeconds,
    dedupeCapacity: options.config.callbacks.dedupeCapacity,
    ...(options.store === undefined ? {} : { claims: new RedisEventIdClaims(options.store) }),
    ...(options.metrics === undefined ? {} : { onOutcome: (outcome) => options.metrics?.observeCallback(outcome) }),
    logger: logger as FastifyBaseLogger,
  });
  logger.info(
    {
      path: options.config.webhookPath,
      url: options.config.publicUrl === undefined ? undefined : `${options.config.publicUrl}${options.config.webhookPath}`,
      // Where the signing key comes from, never the key; not under a key named like a secret,
      // which the log redaction censors (an operator could not tell the source).
      signingKeyFrom: options.config.callbackSecret === undefined ? 'each project, read from Sinch' : 'SINCH_CALLBACK_SECRET',
      dedupe: options.store === undefined ? 'this process' : 'shared (Redis)',
    },
    'receiving Numbers callbacks',
  );
}
