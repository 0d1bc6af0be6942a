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
export function createLogger(level: string, destination: pino.DestinationStream = standardOutput(), options: { mixin?: () => Record<string, unknown> } = {}): Logger {
  const logger = pino(
    {
      level,
      // With tracing on: the trace and span ids of every line logged inside a span (traceLogFields).
      ...(options.mixin === undefined ? {} : { mixin: options.mixin }),
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

/** How many 100 ms waits for a full stdout pipe before a line is given up for now (2 s). */
const MAX_BUSY_RETRIES = 20;

/**
 * Standard output, written synchronously, that can never hold the process.
 *
 * pino's default destination writes asynchronously and registers a `process.exit` hook that
 * flushes synchronously; when stdout's reader has gone away, that flush retries the broken
 * pipe forever (sonic-boom sleeps and retries every error of a synchronous flush), so
 * `process.exit` never returned: neither a second signal nor the shutdown timer could end the
 * process. Synchronous writes register no exit hook, and pino turns the destination into a
 * no-op on the first EPIPE. A reader that is still there but does not read (a full pipe,
 * EAGAIN) is waited for at most `MAX_BUSY_RETRIES` times in a row, then the line is left for
 * the next write: logging slows the process down at worst, it never stops it.
 */
function standardOutput(): pino.DestinationStream {
  let busyRetries = 0;
  const destination = pino.destination({
    dest: 1,
    sync: true,
    retryEAGAIN: () => {
      busyRetries += 1;
      return busyRetries <= MAX_BUSY_RETRIES;
    },
  });
  destination.on('write', () => {
    busyRetries = 0;
  });
  // A write that failed for good (EPIPE is handled by pino, EAGAIN given up above) is dropped,
  // never an uncaught exception: there is nowhere left to report it.
  destination.on('error', () => {
    busyRetries = 0;
  });
  return destination;
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
