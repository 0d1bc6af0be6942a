import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

interface OpenedSocket {
  socket: Socket;
  /** What the server sent before it closed the connection. */
  closed: Promise<string>;
}

/** A raw TCP connection to the gateway that writes `sent` and then nothing more. */
async function stallingConnection(gateway: TestGateway, sent: string): Promise<OpenedSocket> {
  const { port } = new URL(gateway.url);
  const socket = connect(Number(port), '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(sent);
  return { socket, closed };
}

/** Resolves with how many of `sockets` the server has closed by `withinMs`. */
async function closedWithin(sockets: OpenedSocket[], withinMs: number): Promise<number> {
  let count = 0;
  for (const opened of sockets) void opened.closed.then(() => (count += 1));
  const deadline = Date.now() + withinMs;
  while (count < sockets.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return count;
}

const STALLED_BODY = 'POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"query":"{ numbers';

describe('HTTP server: slow clients', () => {
  let gateway: TestGateway | undefined;
  let sockets: OpenedSocket[] = [];
  afterEach(async () => {
    for (const opened of sockets) opened.socket.destroy();
    sockets = [];
    await gateway?.close();
    gateway = undefined;
  });

  it('answers 408 and closes, within 10 s by default, 300 connections that sent headers and stalled in the body', async () => {
    gateway = await startTestGateway();
    for (let index = 0; index < 300; index += 1) sockets.push(await stallingConnection(gateway, STALLED_BODY));
    // HTTP_REQUEST_TIMEOUT_MS is 10 s, checked every second; 15 s is only "it did not hang".
    expect(await closedWithin(sockets, 15_000)).toBe(300);
    const answers = await Promise.all(sockets.map((opened) => opened.closed));
    expect(answers.every((answer) => answer === '' || answer.startsWith('HTTP/1.1 408'))).toBe(true);
    // The gateway still serves.
    expect((await gateway.query('{ numbers(first: 1) { totalCount } }')).status).toBe(200);
  }, 30_000);

  it('closes a connection whose headers trickle in past HTTP_HEADERS_TIMEOUT_MS', async () => {
    gateway = await startTestGateway({ env: { HTTP_HEADERS_TIMEOUT_MS: '1000' } });
    const opened = await stallingConnection(gateway, 'GET /health HTTP/1.1\r\nHost: gateway\r\n');
    sockets.push(opened);
    const trickle = setInterval(() => opened.socket.write('x-slow: 1\r\n'), 200);
    try {
      expect(await closedWithin([opened], 5_000)).toBe(1);
    } finally {
      clearInterval(trickle);
    }
  });

  it('closes an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS', async () => {
    gateway = await startTestGateway({ env: { HTTP_KEEP_ALIVE_TIMEOUT_MS: '500' } });
    const opened = await stallingConnection(gateway, 'GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n');
    sockets.push(opened);
    expect(await closedWithin([opened], 5_000)).toBe(1);
    expect(await opened.closed).toMatch(/^HTTP\/1\.1 200/);
  });

  it('holds no more than HTTP_MAX_CONNECTIONS connections open at once', async () => {
    gateway = await startTestGateway({ env: { HTTP_MAX_CONNECTIONS: '50' } });
    for (let index = 0; index < 300; index += 1) sockets.push(await stallingConnection(gateway, STALLED_BODY));
    // The 250 beyond the cap are closed at once, without an answer (the others wait for their timeout).
    const early = await closedWithin(sockets.slice(50), 5_000);
    expect(early).toBe(250);
    for (const opened of sockets) opened.socket.destroy();
    sockets = [];
    // Once they are gone, new connections are served again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await gateway.query('{ numbers(first: 1) { totalCount } }')).status).toBe(200);
  });
});
