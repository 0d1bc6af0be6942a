import type { FastifyInstance } from 'fastify';

/**
 * `/health` answers while the process lives (liveness). `/ready` answers 200 only while the
 * gateway accepts traffic: 503 while starting and while draining for shutdown (readiness).
 */
export function registerHealthRoutes(app: FastifyInstance, isReady: () => boolean): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    if (isReady()) {
      return { status: 'ready' };
    }
    return reply.code(503).send({ status: 'not ready' });
  });
}
