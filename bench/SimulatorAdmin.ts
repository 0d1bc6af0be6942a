import { request } from 'undici';

interface LoggedRequest {
  service: string;
  method: string;
  route: string | null;
  status: number | null;
}

/** The simulator's `/__admin` controls the benchmark uses. Admin calls have no latency and are not logged. */
export class SimulatorAdmin {
  constructor(readonly url: string) {}

  async setLatency(latencyMs: number): Promise<void> {
    await this.#send('PUT', '/__admin/config', { latencyMs });
  }

  async clearRequestLog(): Promise<void> {
    await this.#send('DELETE', '/__admin/requests');
  }

  /** Upstream calls since the last clear, token requests (AUTH) excluded. */
  async upstreamCalls(): Promise<LoggedRequest[]> {
    const body = (await this.#send('GET', '/__admin/requests')) as { requests: LoggedRequest[] };
    return body.requests.filter((entry) => entry.service !== 'AUTH');
  }

  /** Upstream calls per service since the last clear, token requests (AUTH) excluded; counted past the log's capacity. */
  async upstreamCallCounts(): Promise<Record<string, number>> {
    const body = (await this.#send('GET', '/__admin/requests/counts')) as { counts: Record<string, number> };
    return Object.fromEntries(Object.entries(body.counts).filter(([service]) => service !== 'AUTH'));
  }

  async #send(method: string, path: string, json?: unknown): Promise<unknown> {
    const response = await request(`${this.url}${path}`, {
      method: method as 'GET',
      headers: json === undefined ? {} : { 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    const text = await response.body.text();
    if (response.statusCode >= 300) throw new Error(`simulator admin ${method} ${path} answered ${response.statusCode}: ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }
}
