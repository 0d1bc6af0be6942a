import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { NumbersCallbackEvent } from '../../../src/webhooks/NumbersCallbackEvent.js';
import { registerNumbersWebhook, type NumbersWebhookOptions } from '../../../src/webhooks/registerNumbersWebhook.js';

export interface WebhookApp {
  app: FastifyInstance;
  /** `http://127.0.0.1:PORT/webhooks/numbers` (or the configured path). */
  url: string;
  events: NumbersCallbackEvent[];
  /** Every call the receiver made to the secret source, in order. */
  secretCalls: string[];
  /** The secret the source answers; change it to simulate a rotation. */
  secrets: Map<string, string>;
  close(): Promise<void>;
}

/**
 * A real Fastify instance on loopback with the Numbers webhook registered. The secret
 * source has a cache, like the one the gateway will have: `resolve` answers from it,
 * `refresh` reloads it from `secrets`.
 */
export async function startWebhookApp(options: Partial<NumbersWebhookOptions> = {}, initialSecrets: Record<string, string> = {}): Promise<WebhookApp> {
  const app = Fastify({ logger: false });
  const events: NumbersCallbackEvent[] = [];
  const secretCalls: string[] = [];
  const secrets = new Map(Object.entries(initialSecrets));
  const cache = new Map(secrets);
  await registerNumbersWebhook(app, {
    secret: {
      resolve: async (projectId) => {
        secretCalls.push(`resolve ${projectId}`);
        return cache.get(projectId);
      },
      refresh: async (projectId) => {
        secretCalls.push(`refresh ${projectId}`);
        const fresh = secrets.get(projectId);
        if (fresh === undefined) cache.delete(projectId);
        else cache.set(projectId, fresh);
        return fresh;
      },
    },
    onEvent: (event) => {
      events.push(event);
    },
    ...options,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}${options.path ?? '/webhooks/numbers'}`,
    events,
    secretCalls,
    secrets,
    close: () => app.close(),
  };
}
