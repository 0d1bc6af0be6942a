import type { FastifyInstance } from 'fastify';

export interface InFlightRequests {
  readonly count: number;
  /** Resolves once no request is in flight (at once when none is). */
  idle(): Promise<void>;
}

/**
 * Counts requests from arrival until their response is finished or their connection is gone
 * (`close` fires on the response either way), so shutdown can wait for exactly those.
 */
export function trackInFlightRequests(app: FastifyInstance): InFlightRequests {
  let count = 0;
  let waiters: Array<() => void> = [];
  app.addHook('onRequest', (request, reply, done) => {
    count += 1;
    reply.raw.once('close', () => {
      count -= 1;
      if (count === 0) {
        const resolved = waiters;
        waiters = [];
        for (const resolve of resolved) resolve();
      }
    });
    done();
  });
  return {
    get count() {
      return count;
    },
    idle() {
      return count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
