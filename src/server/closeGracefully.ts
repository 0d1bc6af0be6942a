import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { InFlightRequests } from './trackInFlightRequests.js';

export interface GracefulCloseOptions {
  app: FastifyInstance;
  inFlight: InFlightRequests;
  graceMs: number;
  logger: Logger;
}

/**
 * Closes the HTTP server without cutting a request short, within `graceMs`. The server keeps
 * listening until no request is in flight, so a load balancer that has not yet seen `/ready`
 * turn 503 is still answered (with `connection: close`, set by the gateway while draining);
 * then it stops listening and closes idle connections. When the grace period ends first, every
 * remaining connection is closed: their requests' AbortSignals fire, which aborts their upstream
 * calls, so the upstream pools can then close promptly too.
 */
export async function closeGracefully({ app, inFlight, graceMs, logger }: GracefulCloseOptions): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      if (inFlight.count > 0) {
        logger.warn({ inFlight: inFlight.count, graceMs }, 'shutdown grace period is over: closing the remaining connections');
      }
      app.server.closeAllConnections();
      resolve();
    }, graceMs);
  });
  try {
    await Promise.race([inFlight.idle(), graceOver]);
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}
