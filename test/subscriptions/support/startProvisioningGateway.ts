import { createClient } from 'graphql-ws';
import type { Client, ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';
import { SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway, TestGatewayOptions } from '../../support/startTestGateway.js';
import { CallbacksAdmin } from '../../webhooks/support/callbacksAdmin.js';

export const CALLBACK_SECRET = 'provisioning-test-secret-0123456789abcdef';
export { SIMULATOR_PROJECT_ID };

/** What a subscription received: its results, errors and whether it completed. */
export interface Received<T = Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk arbitrary result JSON
  events: any[];
  errors: unknown[];
  completed: boolean;
  unsubscribe(): void;
  /** Resolves once `predicate` holds for the received events (polling every 10 ms), or rejects after `timeoutMs`. */
  waitFor(predicate: (events: T[]) => boolean, timeoutMs?: number): Promise<void>;
}

export interface ProvisioningTestGateway extends TestGateway {
  admin: SimulatorAdmin;
  callbacks: CallbacksAdmin;
  /** `http://127.0.0.1:PORT/webhooks/numbers`: the gateway's callback URL. */
  webhookUrl: string;
  /** A graphql-ws client over a real WebSocket; closed by `close()`. */
  wsClient(options?: Partial<ClientOptions>): Client;
  /** Subscribes with `client` and collects what arrives under `field`. */
  subscribe(client: Client, query: string, variables?: Record<string, unknown>, field?: string): Received;
  /** GETs of one active number in the simulator's request log. */
  numberReads(phoneNumber: string): Promise<number>;
}

/**
 * A gateway over the simulator (manual provisioning), with the project's callback secret set
 * through the gateway itself, and graphql-ws clients that connect to its `/graphql`.
 */
export async function startProvisioningGateway(options: TestGatewayOptions = {}): Promise<ProvisioningTestGateway> {
  const gateway = await startTestGateway(options);
  const clients: Client[] = [];
  const admin = new SimulatorAdmin(gateway.simulatorUrl);
  await gateway.query('mutation ($secret: String!) { updateCallbackConfiguration(hmacSecret: $secret) { hmacSecretConfigured } }', { secret: CALLBACK_SECRET });
  await admin.clearRequests();
  return {
    ...gateway,
    admin,
    callbacks: new CallbacksAdmin(gateway.simulatorUrl),
    webhookUrl: `${gateway.url}/webhooks/numbers`,
    wsClient(clientOptions = {}) {
      const client = createClient({ url: `${gateway.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, ...clientOptions });
      clients.push(client);
      return client;
    },
    subscribe(client, query, variables, field) {
      const received: Received = {
        events: [],
        errors: [],
        completed: false,
        unsubscribe: () => undefined,
        async waitFor(predicate, timeoutMs = 5_000) {
          const deadline = Date.now() + timeoutMs;
          while (!predicate(received.events)) {
            if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(received.events.map(summary))} errors ${JSON.stringify(received.errors)}`);
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        },
      };
      received.unsubscribe = client.subscribe(
        { query, variables },
        {
          next: (result) => {
            if (result.errors) received.errors.push(...result.errors);
            const data = result.data as Record<string, unknown> | null | undefined;
            const value = data?.[field ?? Object.keys(data ?? {})[0] ?? ''];
            if (value !== undefined && value !== null) received.events.push(value);
          },
          error: (error) => (Array.isArray(error) ? received.errors.push(...(error as unknown[])) : received.errors.push(error)),
          complete: () => {
            received.completed = true;
          },
        },
      );
      return received;
    },
    async numberReads(phoneNumber) {
      const requests = await admin.requests('NUMBERS');
      return requests.filter((entry) => entry.method === 'GET' && entry.path.endsWith(`/activeNumbers/${phoneNumber}`)).length;
    },
    async close() {
      await Promise.all(clients.map((client) => client.dispose()));
      await gateway.close();
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- summary of arbitrary event JSON for failure messages
function summary(event: any): string {
  return `${event?.source}:${event?.eventType}:${event?.status}`;
}

/** The selection every test subscribes with. */
export const EVENT_FIELDS = `
  eventId source projectId resourceType resourceId eventType status occurredAt failureCode internalFailureCode
  error { __typename ... on ProvisioningErrorDetails { code resubmittable } }
  number { phoneNumber callbackUrl sms { servicePlanId campaignId scheduledProvisioning { status servicePlanId } } }
`;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
