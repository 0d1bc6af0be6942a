import { ConfigError, loadConfig } from './config.js';
import type { GatewayConfig } from './config.js';
import { createGateway } from './server/createGateway.js';
import { createLogger } from './server/createLogger.js';
import { useSimulator } from './server/useSimulator.js';
import { startSimulator } from './simulator/startSimulator.js';

/**
 * The process entry point: read the configuration, start the embedded simulator when there
 * are no Sinch credentials, serve, and shut down cleanly on SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let simulator: Awaited<ReturnType<typeof startSimulator>> | undefined;
  if (config.simulator) {
    simulator = await startSimulator({ host: '127.0.0.1', port: 0, logger: logger.child({ component: 'simulator' }) });
    logger.info(
      { simulatorUrl: simulator.url },
      'No Sinch credentials are set (or SINCH_SIMULATOR=true): serving from the embedded Sinch simulator, not from Sinch',
    );
    config = useSimulator(config, simulator.url);
  } else {
    logger.info({ numbersUrl: config.sinch.numbersUrl, projectId: config.sinch.projectId }, 'Serving from the Sinch APIs');
  }

  const gateway = await createGateway(config, { logger });
  const address = await gateway.listen();
  logger.info({ url: `${address}/graphql` }, 'GraphQL gateway ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await gateway.close();
    await simulator?.close();
    logger.flush();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

await main();
