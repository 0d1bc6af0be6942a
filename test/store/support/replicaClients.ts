import { createHmac, randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';

/** What one subscription on one replica received, in order. */
export interface Collected {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk arbitrary result JSON
  events: any[];
  errors: unknown[];
  unsubscribe(): void;
}

/** graphql-ws clients to the replicas' `/graphql`; `dispose` closes them all. */
export class ReplicaClients {
  readonly #clients: Client[] = [];

  subscribe(baseUrl: string, query: string, variables?: Record<string, unknown>): Collected {
    const client = createClient({ url: `${baseUrl.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    this.#clients.push(client);
    const collected: Collected = { events: [], errors: [], unsubscribe: () => undefined };
    collected.unsubscribe = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) collected.errors.push(...result.errors);
          const data = result.data as Record<string, unknown> | null | undefined;
          const value = data === null || data === undefined ? undefined : Object.values(data)[0];
          if (value !== undefined && value !== null) collected.events.push(value);
        },
        error: (error) => collected.errors.push(error),
        complete: () => undefined,
      },
    );
    return collected;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.#clients.splice(0).map((client) => client.dispose()));
  }
}

/** A callback as Sinch sends it (timestamp without zone), signed with `secret`. */
export function signedCallback(secret: string, overrides: Record<string, unknown> = {}): { body: string; signature: string; eventId: string } {
  const eventId = randomUUID();
  const body = JSON.stringify({
    eventId,
    timestamp: new Date().toISOString().replace('Z', '000'),
    projectId: SIMULATOR_PROJECT_ID,
    resourceId: '+46701740605',
    resourceType: 'ACTIVE_NUMBER',
    eventType: 'PROVISIONING_TO_SMS_PLATFORM',
    status: 'SUCCEEDED',
    failureCode: null,
    ...overrides,
  });
  return { body, signature: createHmac('sha1', secret).update(body).digest('hex'), eventId: (JSON.parse(body) as { eventId: string }).eventId };
}

export async function postCallback(baseUrl: string, callback: { body: string; signature: string }): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/webhooks/numbers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sinch-signature': callback.signature },
    body: callback.body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * The sum of a metric's series on a replica's `/metrics` whose labels satisfy `matches`
 * (Prometheus text format); 0 when there is none.
 */
export async function scrapeMetric(baseUrl: string, name: string, matches: (labels: Record<string, string>) => boolean = () => true): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null || match[1] !== name) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (matches(labels as Record<string, string>)) total += Number(match[3]);
  }
  return total;
}

/** GETs of one active number a replica sent to Sinch so far (its own metric). */
export function numberGets(baseUrl: string): Promise<number> {
  return scrapeMetric(baseUrl, 'gateway_upstream_requests_total', (labels) => labels['method'] === 'GET' && (labels['route'] ?? '').endsWith('/activeNumbers/{phoneNumber}'));
}
