import { createServer } from 'node:net';

/**
 * A loopback port that was free a moment ago, for a process that takes its port from its
 * arguments or environment and cannot report the one a port 0 would give it (main.ts with PORT,
 * redis-server with --port).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
