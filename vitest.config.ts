import { defineConfig } from 'vitest/config';

/** The test directories whose suites run GraphQL operations through a gateway. */
const GATEWAY_SUITES = ['auth', 'docs', 'graphql', 'observability', 'provisioning', 'resilience', 'server', 'subscriptions', 'tenancy', 'webhooks'];

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
          // The explorer runs no operation of its own; one browser run is enough.
          exclude: ['test/server/explorer/**'],
          env: { GRAPHQL_COMPILE_AFTER: '1' },
        },
      },
      // The same suites again with every test gateway's limits in Redis (REDIS_URL, a key prefix
      // per gateway): the shared store must answer exactly as the in-process one does.
      {
        extends: true,
        test: {
          name: 'redis',
          include: GATEWAY_SUITES.map((directory) => `test/${directory}/**/*.test.ts`),
          exclude: ['test/server/explorer/**'],
          env: { GATEWAY_STORE: 'redis' },
        },
      },
    ],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
