import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BaselineUpstream } from './BaselineUpstream.js';
import { BASELINE_HANDLERS } from './baselineHandlers.js';
import type { BaselineInput } from './baselineHandlers.js';

/**
 * The baseline: a minimal hand-written HTTP server that answers `POST /<scenario>` by making the
 * scenario's upstream calls directly with undici and returning comparable JSON. No GraphQL, no
 * framework, no validation beyond JSON.parse: the floor any gateway over these APIs can reach.
 * Configured by the harness through the environment; prints `READY <url>` once listening.
 */
const environment = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

const upstream = new BaselineUpstream({
  origin: environment('BASELINE_UPSTREAM_URL'),
  projectId: environment('SINCH_PROJECT_ID'),
  keyId: environment('SINCH_KEY_ID'),
  keySecret: environment('SINCH_KEY_SECRET'),
  applicationKey: environment('SINCH_APPLICATION_KEY'),
  applicationSecret: environment('SINCH_APPLICATION_SECRET'),
  connections: Number(environment('UPSTREAM_CONNECTIONS')),
});
await upstream.authenticate();

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const handler = request.method === 'POST' ? BASELINE_HANDLERS[(request.url ?? '').slice(1)] : undefined;
    if (handler === undefined) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such scenario"}');
      return;
    }
    let input: BaselineInput;
    try {
      input = chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as BaselineInput);
    } catch {
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"body is not JSON"}');
      return;
    }
    handler(upstream, input).then(
      (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
      (error: unknown) => response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) })),
    );
  });
});
server.keepAliveTimeout = 60_000;

server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    upstream.close().finally(() => process.exit(0));
  });
}
