/** One call to a simulator's `/__admin` API, JSON both ways, for tests. Throws on any non-2xx answer. */
export async function callSimulatorAdmin<T = unknown>(simulatorUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${simulatorUrl}/__admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /__admin${path} answered ${response.status}: ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
