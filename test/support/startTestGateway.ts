import { loadConfig } from '../../src/config.js';
import { executionEnvironment } from './executionEnvironment.js';
import type { DestinationStream } from 'pino';
import type { GatewayConfig } from '../../src/config.js';
import { createGateway } from '../../src/server/createGateway.js';
import type { Gateway, GatewayDependencies } from '../../src/server/createGateway.js';
import { createLogger } from '../../src/server/createLogger.js';
import type { GatewayTracing } from '../../src/observability/tracing/GatewayTracing.js';
import type { Logger } from 'pino';
import { useSimulator } from '../../src/server/useSimulator.js';
import { startSimulator } from '../../src/simulator/startSimulator.js';
import type { SimulatorOptions } from '../../src/simulator/SimulatorOptions.js';
import { postGraphQL, type GraphQLResponse } from './postGraphQL.js';

export type { GraphQLResponse };

export interface TestGateway {
  /** http://127.0.0.1:PORT — the gateway; GraphQL at `${url}/graphql`. */
  url: string;
  /** The simulator the gateway talks to (admin API at `${simulatorUrl}/__admin/...`). */
  simulatorUrl: string;
  gateway: Gateway;
  config: GatewayConfig;
  query<TData = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  /** Simulator options; provisioning defaults to 'manual' so tests advance it explicitly. */
  simulator?: SimulatorOptions;
  /** Extra environment for loadConfig (NODE_ENV, GRAPHQL_* ...). */
  env?: Record<string, string>;
  /** Applied after the simulator settings: point one service elsewhere (a fault server). */
  configure?: (config: GatewayConfig) => GatewayConfig;
  /** OpenTelemetry traces (test/support/inMemoryTracing.ts); none by default. */
  tracing?: GatewayTracing;
  /** The gateway's logger; a silent one by default. */
  logger?: Logger;
  /** Extra dependencies of createGateway (the logger is the test's own). */
  dependencies?: Omit<GatewayDependencies, 'logger'>;
  /** Where the gateway's log lines go, at trace level; silent when absent. */
  logDestination?: DestinationStream;
}

/**
 * A real gateway over a real simulator, both on loopback ephemeral ports, for tests that go
 * through HTTP end to end.
 */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const simulator = await startSimulator({ provisioning: 'manual', ...options.simulator });
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', ...executionEnvironment(), ...options.env });
  const config = (options.configure ?? ((value) => value))(useSimulator(base, simulator.url));
  const logger = options.logger ?? (options.logDestination ? createLogger('trace', options.logDestination) : createLogger('silent'));
  const gateway = await createGateway(config, { logger, tracing: options.tracing, ...options.dependencies });
  const url = await gateway.listen();

  return {
    url,
    simulatorUrl: simulator.url,
    gateway,
    config,
    query: <TData>(document: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
      postGraphQL<TData>(url, document, variables, headers),
    async close() {
      await gateway.close();
      await simulator.close();
    },
  };
}
