import { pino } from 'pino';
import { SIMULATOR_KEY_ID, SIMULATOR_KEY_SECRET, SIMULATOR_PROJECT_ID } from './simulatorCredentials.js';
import { startSimulator } from './startSimulator.js';

/** `npm run simulator`: runs the simulator in the foreground until SIGINT or SIGTERM. */
const logger = pino({ name: 'sinch-simulator' });
const port = Number(process.env['SIMULATOR_PORT'] ?? 4010);
const host = process.env['SIMULATOR_HOST'] ?? '127.0.0.1';

const simulator = await startSimulator({ host, port, logger });
logger.info(
  {
    url: simulator.url,
    projectId: SIMULATOR_PROJECT_ID,
    keyId: SIMULATOR_KEY_ID,
    keySecret: SIMULATOR_KEY_SECRET,
    authHostname: simulator.url,
    numbersHostname: simulator.url,
  },
  'Sinch simulator listening; use these credentials and hostnames',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'closing the Sinch simulator');
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'the simulator did not close cleanly');
        process.exit(1);
      },
    );
  });
}
