import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../support/freePort.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TRACE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';


describe('main.ts with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('logs trace ids on the request lines and exports the buffered spans when it shuts down', async () => {
    const bodies: string[] = [];
    const receiver = createServer((incoming, response) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      incoming.on('end', () => {
        bodies.push(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => receiver.close());
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        SHUTDOWN_GRACE_MS: '2000',
        SINCH_SIMULATOR: 'true',
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        // Nothing is exported before the shutdown: the spans must be flushed on the way out.
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => child.exitCode === null && child.kill('SIGKILL'));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!output.includes('GraphQL gateway ready')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`main.ts did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const response = await request(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${TRACE_ID}-0102030405060708-01` },
      body: JSON.stringify({ query: 'query Total { numbers(first: 1) { totalCount } }' }),
    });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    expect(bodies).toEqual([]);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const requestLines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line['reqId'] !== undefined && line['msg'] !== 'shutting down: /ready answers 503, in-flight requests finish');
    expect(requestLines.length).toBeGreaterThanOrEqual(2);
    for (const line of requestLines) expect(line['trace_id']).toBe(TRACE_ID);
    const exported = bodies.join('');
    expect(exported).toContain(TRACE_ID);
    expect(exported).toContain('query Total');
    expect(exported).toContain('GET /v1/projects/{projectId}/activeNumbers');
  });
});
