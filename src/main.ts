import { ConfigError, loadConfig } from './config.js';
import type { GatewayConfig } from './config.js';
import { createGateway } from './server/createGateway.js';
import { createLogger } from './server/createLogger.js';
import { traceLogFields } from './observability/tracing/traceLogFields.js';
import { useSimulator } from './server/useSimulator.js';
import type { RunningSimulator } from './simulator/startSimulator.js';

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
  // Off (undefined) unless an OTLP endpoint is configured: then every log line carries its trace ids.
  // The SDK and its exporters are loaded only then.
  const tracing = config.tracing.enabled ? (await import('./observability/tracing/createTracing.js')).createTracing(config.tracing) : undefined;
  const logger = createLogger(config.logLevel, undefined, tracing === undefined ? {} : { mixin: traceLogFields });
  if (config.tracing.enabled) {
    logger.info({ tracesOrigin: new URL(config.tracing.tracesUrl).origin, protocol: config.tracing.protocol, sampler: config.tracing.sampler.name }, 'exporting OpenTelemetry traces');
  }

  let simulator: RunningSimulator | undefined;
  if (config.simulator) {
    // Loaded only when used: a gateway serving Sinch never loads (or seeds) the simulator.
    const { startSimulator } = await import('./simulator/startSimulator.js');
    simulator = await startSimulator({ host: '127.0.0.1', port: 0, logger: logger.child({ component: 'simulator' }) });
    logger.info(
      { simulatorUrl: simulator.url },
      'No Sinch credentials are set (or SINCH_SIMULATOR=true): serving from the embedded Sinch simulator, not from Sinch',
    );
    if (config.ignoredBySimulator.length > 0) {
      logger.warn({ ignored: config.ignoredBySimulator }, 'These Sinch settings are set but ignored: the simulator uses its own credentials and origins');
    }
    config = useSimulator(config, simulator.url);
  } else {
    logger.info({ numbersUrl: config.sinch.numbersUrl, projectId: config.sinch.projectId }, 'Serving from the Sinch APIs');
  }

  let gateway: Awaited<ReturnType<typeof createGateway>>;
  try {
    gateway = await createGateway(config, { logger, tracing });
  } catch (error) {
    // A trusted-documents manifest that does not fit the schema is found only once the schema exists.
    if (error instanceof ConfigError) {
      await simulator?.close();
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const trusted = config.graphql.trustedDocuments;
  if (trusted !== undefined) {
    logger.info(
      { manifest: trusted.path, operations: trusted.entries.length, only: trusted.only },
      trusted.only ? 'Trusted documents: only the operations of the manifest run' : 'Trusted documents: manifest ids resolve, and other documents run too',
    );
  }
  const graceMs = config.shutdownGraceMs;
  let stopping = false;
  /**
   * Ends the process now. The log line is best effort: the logger writes synchronously and gives
   * up on a broken or stuck stdout (createLogger.ts), and nothing here waits for it.
   */
  const exitNow = (code: number, log: () => void) => {
    try {
      log();
    } catch {
      // Logging failed; exiting matters more.
    }
    process.exit(code);
  };
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      exitNow(1, () => logger.warn({ signal }, 'second signal during shutdown: exiting now'));
      return;
    }
    stopping = true;
    // The last resort, should closing the pools hang after the grace period has cut every
    // connection; armed first, so that nothing below can keep it from being set.
    setTimeout(() => exitNow(1, () => logger.error({ graceMs }, 'shutdown did not finish in time: exiting now')), graceMs + 5_000).unref();
    logger.info({ signal, graceMs }, 'shutting down: /ready answers 503, in-flight requests finish');
    void (async () => {
      try {
        await gateway.close();
        await simulator?.close();
        // The spans of the last requests, exported before the process goes.
        await tracing?.shutdown();
        exitNow(0, () => logger.info('stopped'));
      } catch (error) {
        exitNow(1, () => logger.error({ err: error }, 'shutdown failed'));
      }
    })();
  };
  // Installed before listening, so a signal during start-up also drains rather than kills.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  let address: string;
  try {
    address = await gateway.listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error;
    // An operator's mistake, not a defect: one clear line, no stack.
    logger.fatal(
      { code, host: config.host, port: config.port },
      code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use: stop what listens there, or set PORT to another port`
        : `cannot listen on ${config.host}:${config.port} (${code}): set HOST and PORT to an address this process may use`,
    );
    await gateway.close();
    await simulator?.close();
    logger.flush();
    process.exit(1);
  }
  if (simulator !== undefined) {
    // The seeded numbers report their provisioning results to this gateway's own webhook, so a
    // subscription follows every step as it happens (docs/simulator.md, "Live by default").
    const webhookUrl = `${loopbackOrigin(address)}${config.provisioning.webhookPath}`;
    simulator.setSeededCallbackUrl(webhookUrl);
    logger.info({ webhookUrl }, 'seeded simulator numbers call back to the gateway');
  }
  logger.info(
    {
      url: `${address}/graphql`,
      // Sandbox's page comes from Apollo's CDN (it needs internet); the explorer is served by the gateway.
      sandbox: config.graphql.landingPage ? `${address}/graphql` : 'off (GRAPHQL_LANDING_PAGE)',
      explorer: config.graphql.explorer ? `${address}/explorer` : 'off (GRAPHQL_EXPLORER)',
    },
    'GraphQL gateway ready',
  );
}

/** The gateway's address as the simulator in this process can reach it: a wildcard host becomes loopback. */
function loopbackOrigin(address: string): string {
  const url = new URL(address);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.origin;
}

await main();
