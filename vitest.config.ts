import { defineConfig } from 'vitest/config';

/** The test directories whose suites run GraphQL operations through a gateway. */
const GATEWAY_SUITES = ['auth', 'docs', 'graphql', 'observability', 'provisioning', 'resilience', 'server', 'subscriptions', 'tenancy', 'webhooks'];

/**
 * Suites whose outcome cannot depend on the execution engine: HTTP transport, processes and
 * shutdown, authentication before any operation, callbacks, and subscriptions (graphql-ws runs
 * them on graphql-js whatever GRAPHQL_COMPILE_AFTER says). The `compiled` project leaves them
 * out; they run once, in `default`.
 */
const ENGINE_INDEPENDENT = [
  'test/server/explorer/**',
  'test/server/mainProcess.test.ts',
  'test/server/slowClients.test.ts',
  'test/server/gracefulShutdown.test.ts',
  'test/server/drainKeepAlive.test.ts',
  'test/server/httpRequestErrors.test.ts',
  'test/server/dockerfile.test.ts',
  'test/server/nodeEngines.test.ts',
  'test/server/productionDependencies.test.ts',
  'test/auth/**',
  'test/subscriptions/**',
  'test/webhooks/**',
];

/**
 * Suites that use what REDIS_URL shares: OTP budgets (verification), tenant rate limits
 * (tenancy, auth), persisted queries, callback dedupe and live events (webhooks, provisioning,
 * subscriptions). The `redis` project runs these again with every test gateway on Redis; the
 * multi-replica suites of test/store run against it in `default`.
 */
const STORE_SUITES = [
  'test/auth/**/*.test.ts',
  'test/graphql/verification/**/*.test.ts',
  'test/tenancy/**/*.test.ts',
  'test/provisioning/**/*.test.ts',
  'test/subscriptions/**/*.test.ts',
  'test/webhooks/**/*.test.ts',
  'test/server/persistedQueries.test.ts',
  'test/server/storeWarning.test.ts',
  'test/server/productionMode.test.ts',
];

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds; without this, code under test and the packages it
    // uses (Apollo Server, graphql-tools) can each load their own copy, and `instanceof` checks
    // between them fail ("Cannot use GraphQLSchema from another module or realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // A skipped or focused test hides failures: CI treats either as a failure.
    allowOnly: false,
    passWithNoTests: false,
    reporters: ['default', 'json'],
    // One real redis-server for every suite: CI's (TEST_REDIS_URL) or one started for the run.
    globalSetup: ['test/support/globalRedis.ts'],
    // Repeated operations run on graphql-jit, one-off ones on graphql-js (GRAPHQL_COMPILE_AFTER):
    // every suite that goes through a gateway runs twice, once per engine, so that neither can
    // drift from the other unnoticed.
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'compiled',
          include: GATEWAY_SUITES.map((directory) => `test/${directory}/**/*.test.ts`),
          exclude: ENGINE_INDEPENDENT,
          env: { GRAPHQL_COMPILE_AFTER: '1' },
        },
      },
      // The store's suites again with every test gateway's shared state in Redis (REDIS_URL, a
      // key prefix per gateway): the shared store must answer exactly as the in-process one does.
      {
        extends: true,
        test: {
          name: 'redis',
          include: STORE_SUITES,
          env: { GATEWAY_STORE: 'redis' },
        },
      },
    ],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
