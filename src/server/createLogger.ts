import { pino } from 'pino';
import type { Logger } from 'pino';
import { redactSecrets } from '../observability/redactSecrets.js';
import { pathOf, withoutQueryStrings } from '../observability/withoutQueryStrings.js';

/**
 * Keys Fastify logs its request and reply objects under. Their serializers (which run after the
 * log formatter) keep only method, path, host, address and status: no headers, no body, no query
 * string (`serializeRequest`). Walking
 * these class instances instead would copy them field by field and lose their getters.
 */
const SERIALIZED_BY_FASTIFY = new Set(['req', 'res']);

/**
 * The gateway's logger: JSON lines, and every logged object passed through `redactSecrets`, so
 * credentials, tokens, secrets, passwords and one-time codes are censored wherever they appear
 * and however they are spelled. Secrets are never logged on purpose; this is the second line of
 * defence.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const logger = pino(
    {
      level,
      base: { service: 'sinch-graphql-gateway' },
      formatters: {
        bindings: (bindings) => redactSecrets(bindings) as Record<string, unknown>,
        log: redactLogObject,
      },
      // The formatter has already turned errors into redacted plain objects; serialize only what it did not see.
      serializers: { err: (value: unknown) => (value instanceof Error ? redactSecrets(value) : value), req: serializeRequest },
      // The message text too: Fastify's "Route GET:/graphql?query=… not found" is a message.
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? withoutQueryStrings(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
  // pino applies `formatters.bindings` to the root logger only, never to a child's bindings. A
  // child is created from its parent with Object.create, so every descendant inherits this.
  type ChildFunction = (this: unknown, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) => unknown;
  const child = logger.child as unknown as ChildFunction;
  const redactedChild: ChildFunction = function (this: unknown, bindings, options) {
    return child.call(this, redactSecrets(bindings) as pino.Bindings, options);
  };
  logger.child = redactedChild as unknown as typeof logger.child;
  return logger;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * Fastify's request serializer without the query string: a GET `/graphql` carries the operation
 * and its variables there, one-time codes included. Replaces Fastify's own (a logger's
 * serializers take precedence over Fastify's defaults).
 */
function serializeRequest(request: LoggedRequest): Record<string, unknown> {
  return { method: request.method, url: pathOf(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}

function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  const passedThrough: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const fastifyObject = SERIALIZED_BY_FASTIFY.has(key) && value !== null && typeof value === 'object' && Object.getPrototypeOf(value) !== Object.prototype;
    (fastifyObject ? passedThrough : rest)[key] = value;
  }
  return { ...(redactSecrets(rest) as Record<string, unknown>), ...passedThrough };
}
