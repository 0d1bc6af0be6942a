import { Server as NetServer } from 'node:net';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { InFlightRequests } from './trackInFlightRequests.js';

export interface GracefulCloseOptions {
  app: FastifyInstance;
  inFlight: InFlightRequests;
  /** The connections of the server, idle or busy (`trackConnections`). */
  connections: TrackedConnections;
  graceMs: number;
  logger: Logger;
}

/**
 * How long a keep-alive connection must have been silent before the drain closes it. A client
 * that was between two requests when the drain began sends its next one within this time; that
 * request is answered (with `connection: close`) instead of meeting a closed socket.
 */
export const IDLE_CLOSE_MS = 250;
/** How often the drain looks at the connections. */
const DRAIN_TICK_MS = 25;

/**
 * Closes the HTTP server without cutting a request short or resetting a connection, within
 * `graceMs`:
 *
 * - it stops listening at once: a new connection is refused, which every client and load
 *   balancer may safely retry elsewhere since nothing was sent. Closing the listener later,
 *   while clients reconnect, resets the connections the kernel has already accepted into the
 *   backlog, after their clients sent a request (measured: one or two of 30 looping clients).
 *   With a preStop pause (docs/deploy.md) the load balancer has stopped sending by then;
 * - every response carries `connection: close` while draining (the gateway's `onSend` hook), so
 *   a keep-alive client sends its next request on a new connection, to a replica that stays;
 * - a keep-alive connection that has been silent for `IDLE_CLOSE_MS` (nothing read, no request
 *   in flight) is closed. Silence, not Node's own notion of idle, decides: a request whose bytes
 *   are on the wire but not yet parsed is not idle, and destroying its socket would reset it. A
 *   client that was between two requests when the drain began sends its next one within that
 *   time, and it is answered;
 * - requests already received finish, and their connections then close.
 *
 * Once no HTTP connection is left (WebSockets are closed by the subscription server) Fastify
 * closes. When the grace period ends first, every remaining connection is cut: their requests'
 * AbortSignals fire, which aborts their upstream calls, so the upstream pools close promptly.
 */
export async function closeGracefully({ app, inFlight, connections, graceMs, logger }: GracefulCloseOptions): Promise<void> {
  const started = Date.now();
  if (app.server.listening) {
    // `http.Server#close` would also destroy every idle connection at once, racing the requests
    // already on their way; those are closed below, once they are surely silent. Fastify's own
    // close tolerates a server that no longer listens.
    NetServer.prototype.close.call(app.server);
  }
  for (;;) {
    connections.closeSilent(IDLE_CLOSE_MS);
    if (inFlight.count === 0 && connections.httpCount === 0) break;
    if (Date.now() - started >= graceMs) {
      if (inFlight.count > 0) {
        logger.warn({ inFlight: inFlight.count, graceMs }, 'shutdown grace period is over: closing the remaining connections');
      }
      app.server.closeAllConnections();
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, DRAIN_TICK_MS));
  }
  await app.close();
}

export interface TrackedConnections {
  /** Open HTTP connections, upgraded ones (WebSockets) excluded. */
  readonly httpCount: number;
  /** Closes every HTTP connection with no request in flight that has read nothing for `silentMs`. */
  closeSilent(silentMs: number): void;
}

interface ConnectionState {
  requests: number;
  bytesRead: number;
  lastActivity: number;
  upgraded: boolean;
}

/**
 * Follows every connection of the server: how many requests it has in flight and when it last
 * read a byte, so the drain can tell a silent keep-alive connection from one whose next request
 * is arriving.
 */
export function trackConnections(app: FastifyInstance): TrackedConnections {
  const states = new Map<Socket, ConnectionState>();
  app.server.on('connection', (socket: Socket) => {
    states.set(socket, { requests: 0, bytesRead: 0, lastActivity: Date.now(), upgraded: false });
    socket.once('close', () => states.delete(socket));
  });
  app.server.on('upgrade', (request: { socket: Socket }) => {
    const state = states.get(request.socket);
    if (state !== undefined) state.upgraded = true;
  });
  app.addHook('onRequest', (request, reply, done) => {
    const state = states.get(request.raw.socket);
    if (state !== undefined) {
      state.requests += 1;
      reply.raw.once('close', () => {
        state.requests -= 1;
        state.lastActivity = Date.now();
      });
    }
    done();
  });
  return {
    get httpCount() {
      let count = 0;
      for (const state of states.values()) if (!state.upgraded) count += 1;
      return count;
    },
    closeSilent(silentMs) {
      const now = Date.now();
      for (const [socket, state] of states) {
        if (state.upgraded || state.requests > 0) continue;
        if (socket.bytesRead !== state.bytesRead) {
          state.bytesRead = socket.bytesRead;
          state.lastActivity = now;
          continue;
        }
        if (now - state.lastActivity >= silentMs) socket.destroy();
      }
    },
  };
}
