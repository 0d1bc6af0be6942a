import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The exact bytes received, as UTF-8 text: signatures are recomputed over this. */
  rawBody: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk arbitrary JSON and assert on it
  body: any;
}

export interface CallbackReceiver {
  /** `http://127.0.0.1:PORT/callbacks`, ready to be a callbackUrl. */
  url: string;
  received: ReceivedCallback[];
  /** Statuses for the next requests, first used first; 200 once they run out. */
  answerWith(...statuses: number[]): void;
  close(): Promise<void>;
}

/** A loopback HTTP server that records every callback the simulator posts to it. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, rawBody, body });
      response.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    received,
    answerWith: (...next) => statuses.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
