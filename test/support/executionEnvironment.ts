import { storeEnvironment } from './testStore.js';

/**
 * The environment the vitest project (vitest.config.ts) gives every test gateway:
 * - the execution engine: the `compiled` project sets GRAPHQL_COMPILE_AFTER=1, so that
 *   graphql-jit executes every operation from its first run; elsewhere the default applies and
 *   one-off operations run on graphql-js. Both engines answer the same suites.
 * - the store: the `redis` project sets GATEWAY_STORE=redis, so that each gateway keeps its
 *   limits in the shared test Redis, under a key prefix of its own. Both stores answer the same
 *   suites.
 */
export function executionEnvironment(): Record<string, string> {
  const compileAfter = process.env['GRAPHQL_COMPILE_AFTER'];
  return { ...(compileAfter === undefined ? {} : { GRAPHQL_COMPILE_AFTER: compileAfter }), ...storeEnvironment() };
}
