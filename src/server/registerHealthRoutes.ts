import type { FastifyInstance } from 'fastify';
import type { Readiness } from './Readiness.js';

/**
 * `/health` answers while the process lives (liveness). `/ready` answers 200 only while the
 * gateway accepts traffic: 503 while starting, while draining for shutdown, and while any
 * composed readiness check fails (readiness), with the reason in the body.
 */
export function registerHealthRoutes(app: FastifyInstance, readiness: Readiness): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const reason = readiness.notReadyReason();
    const details = readiness.currentDetails();
    if (reason === undefined) {
      return { status: 'ready', ...details };
    }
    return reply.code(503).send({ status: 'not ready', reason, ...details });
  });
}
