import { pino } from 'pino';
import type { Logger } from 'pino';

/**
 * Paths pino censors wherever they appear in a log record. Credentials, tokens and secrets are
 * never logged on purpose; this is the second line of defence.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  '*.authorization',
  '*.keySecret',
  '*.applicationSecret',
  '*.hmacSecret',
  '*.password',
  '*.access_token',
  '*.accessToken',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'sinch-graphql-gateway' },
    },
    destination,
  );
}
