import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the fault server does with one request. Everything is optional: the default is an
 * empty `200`. The fields are applied in this order: `delayMs`, then `hang` (never answer),
 * `destroy: 'before-headers'`, `raw` (bytes written straight to the socket, not HTTP),
 * `redirectTo`, the status line and headers, `destroy: 'after-headers'`, then the body
 * (all at once, or `trickle`d).
 */
export interface FaultResponse {
  status?: number;
  headers?: OutgoingHttpHeaders;
  /** A string or bytes are sent as they are; anything else is sent as JSON with `application/json`. */
  body?: string | Buffer | object;
  /** Wait this long before answering at all. */
  delayMs?: number;
  /** Read the request and never answer. */
  hang?: boolean;
  /** Send the body in pieces: `chunkBytes` every `intervalMs` (chunked transfer encoding). */
  trickle?: { chunkBytes: number; intervalMs: number };
  /** Close the TCP connection abruptly, before or after the status line and headers. */
  destroy?: 'before-headers' | 'after-headers';
  /** Bytes written to the socket instead of an HTTP response. */
  raw?: string | Buffer;
  /** Answer with this 3xx status (default 302) and a `Location` header. */
  redirectTo?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type FaultHandler = (request: RecordedRequest) => FaultResponse;

export interface FaultServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string;
  /** Every request received, in arrival order (recorded before it is answered). */
  readonly requests: RecordedRequest[];
  /** Answer the next requests with these, in order; afterwards the handler (or an empty 200) answers. */
  enqueue(...responses: FaultResponse[]): void;
  /** Answer every request that finds the queue empty with this function. */
  handle(handler: FaultHandler): void;
  /** Forget the queue, the handler and the recorded requests. */
  reset(): void;
  /** TCP connections open right now (to prove a client let go of its sockets). */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server for tests that need an upstream to misbehave on purpose: scripted
 * statuses, headers and bodies (any bytes), delays, hangs, trickled bodies, dropped
 * connections, redirects and non-HTTP garbage. It records every request it receives, so a
 * test can also prove that something never reached it.
 */
export async function startFaultServer(): Promise<FaultServer> {
  const queue: FaultResponse[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let handler: FaultHandler | undefined;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((request, response) => {
    void readBody(request).then(async (body) => {
      const recorded: RecordedRequest = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body };
      requests.push(recorded);
      const script = queue.shift() ?? handler?.(recorded) ?? {};
      await respond(script, request.socket, response, wait);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    enqueue(...responses) {
      queue.push(...responses);
    },
    handle(next) {
      handler = next;
    },
    reset() {
      queue.length = 0;
      requests.length = 0;
      handler = undefined;
    },
    openConnections() {
      return new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    },
    async close() {
      for (const timer of timers) {
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

async function respond(
  script: FaultResponse,
  socket: Socket,
  response: ServerResponse,
  wait: (ms: number) => Promise<void>,
): Promise<void> {
  if (script.delayMs !== undefined) {
    await wait(script.delayMs);
  }
  if (script.hang) {
    return;
  }
  if (script.destroy === 'before-headers') {
    socket.destroy();
    return;
  }
  if (script.raw !== undefined) {
    socket.end(script.raw);
    return;
  }
  if (script.redirectTo !== undefined) {
    response.writeHead(script.status ?? 302, { location: script.redirectTo, 'content-length': '0' });
    response.end();
    return;
  }
  const { bytes, contentType } = encodeBody(script.body);
  const headers: OutgoingHttpHeaders = { ...(contentType ? { 'content-type': contentType } : {}), ...script.headers };
  if (script.trickle === undefined && headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
    headers['content-length'] = String(bytes.length);
  }
  response.writeHead(script.status ?? 200, headers);
  if (script.destroy === 'after-headers') {
    response.flushHeaders();
    await wait(20);
    socket.destroy();
    return;
  }
  if (script.trickle === undefined) {
    response.end(bytes);
    return;
  }
  const { chunkBytes, intervalMs } = script.trickle;
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    if (socket.destroyed) {
      return;
    }
    response.write(bytes.subarray(offset, offset + chunkBytes));
    await wait(intervalMs);
  }
  response.end();
}

function encodeBody(body: FaultResponse['body']): { bytes: Buffer; contentType: string | undefined } {
  if (body === undefined) {
    return { bytes: Buffer.alloc(0), contentType: undefined };
  }
  if (typeof body === 'string') {
    return { bytes: Buffer.from(body, 'utf8'), contentType: undefined };
  }
  if (Buffer.isBuffer(body)) {
    return { bytes: body, contentType: undefined };
  }
  return { bytes: Buffer.from(JSON.stringify(body), 'utf8'), contentType: 'application/json' };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** An origin on which nothing listens: a server is started, its port noted, and closed again. */
export async function refusedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
