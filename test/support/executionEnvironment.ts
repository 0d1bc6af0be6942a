/**
 * The GraphQL execution engine of the test gateways, chosen by the vitest project
 * (vitest.config.ts): the `compiled` project sets GRAPHQL_COMPILE_AFTER=1, so that graphql-jit
 * executes every operation from its first run; elsewhere the default applies and one-off
 * operations run on graphql-js. Both engines answer the same suites.
 */
export function executionEnvironment(): Record<string, string> {
  const compileAfter = process.env['GRAPHQL_COMPILE_AFTER'];
  return compileAfter === undefined ? {} : { GRAPHQL_COMPILE_AFTER: compileAfter };
}
