import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseNumbersCallbackEvent, type NumbersCallbackEvent } from './NumbersCallbackEvent.js';
import { RecentEventIds } from './RecentEventIds.js';
import { SignatureChecker } from './SignatureChecker.js';
import { toWebhookErrorReply, webhookError } from './webhookReplies.js';
import type { WebhookSecretSource } from './WebhookSecretSource.js';

export interface NumbersWebhookOptions {
  /** Default `/webhooks/numbers`; point each number's `callbackUrl` here. */
  path?: string;
  secret: WebhookSecretSource;
  /** Default 64 KiB; a real callback is well under 1 KiB. */
  maxBodyBytes?: number;
  /** Default 300: events whose `timestamp` is further than this from now are refused. */
  replayWindowSeconds?: number;
  /** Runs after the 200 went out; hand the event to durable processing and return fast. */
  onEvent: (event: NumbersCallbackEvent) => void | Promise<void>;
  /** Clock in epoch milliseconds; for tests. */
  now?: () => number;
  logger?: FastifyBaseLogger;
  /** Default 10 000 remembered event ids. */
  dedupeCapacity?: number;
  /** Default 10 000 ms between two secret refreshes of one project. */
  refreshCooldownMs?: number;
}

export const NUMBERS_WEBHOOK_DEFAULTS = {
  path: '/webhooks/numbers',
  maxBodyBytes: 64 * 1024,
  replayWindowSeconds: 300,
  dedupeCapacity: 10_000,
  refreshCooldownMs: 10_000,
} as const;

/**
 * The receiver of Sinch Numbers callbacks, as an encapsulated Fastify plugin: its raw-body
 * parser and error handler apply to this route only. Order of checks: size and content
 * type (Fastify) → signature present → JSON with a projectId → signature valid (one secret
 * refresh on mismatch) → payload shape → timestamp within the replay window → not a
 * duplicate → 200, then `onEvent`. The signature is checked before the payload is
 * validated so that an unsigned request learns nothing but "401".
 */
export async function registerNumbersWebhook(app: FastifyInstance, options: NumbersWebhookOptions): Promise<void> {
  const settings = { ...NUMBERS_WEBHOOK_DEFAULTS, ...withoutUndefined(options) };
  const now = options.now ?? Date.now;
  const windowMs = settings.replayWindowSeconds * 1000;
  const recent = new RecentEventIds(settings.dedupeCapacity, 2 * windowMs);
  const signatures = new SignatureChecker(options.secret, settings.refreshCooldownMs, now);

  await app.register(async (scope) => {
    const logger = options.logger ?? scope.log;
    // The signature covers the exact bytes, so this route must see the body before any
    // JSON parser re-serialises it.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: settings.maxBodyBytes }, (_request, body, done) => {
      done(null, body);
    });
    scope.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
      const { status, body } = toWebhookErrorReply(error.statusCode);
      logger.warn({ code: error.code, status }, 'numbers callback refused before validation');
      return reply.code(status).send(body);
    });

    scope.post(settings.path, { bodyLimit: settings.maxBodyBytes }, async (request: FastifyRequest, reply: FastifyReply) => {
      const refuse = (status: number, body: ReturnType<typeof webhookError>, details: Record<string, unknown> = {}) => {
        logger.warn({ status, code: body.error.code, ...details }, 'numbers callback refused');
        return reply.code(status).send(body);
      };

      const signature = request.headers['x-sinch-signature'];
      if (typeof signature !== 'string' || signature === '') {
        return refuse(401, webhookError('WEBHOOK_SIGNATURE_MISSING', 'X-Sinch-Signature is required'));
      }
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const json = parseJson(rawBody);
      const projectId = isRecord(json) && typeof json['projectId'] === 'string' && json['projectId'] !== '' ? json['projectId'] : undefined;
      if (projectId === undefined) {
        return refuse(400, webhookError('WEBHOOK_PAYLOAD_INVALID', 'The body must be a JSON object with a projectId'));
      }

      let verdict;
      try {
        verdict = await signatures.check(projectId, rawBody, signature);
      } catch (error) {
        logger.error({ err: error, projectId }, 'the callback secret could not be read');
        return reply.code(503).send(webhookError('WEBHOOK_SECRET_UNAVAILABLE', 'The signature cannot be checked right now; retry later'));
      }
      if (verdict !== 'VALID') {
        return refuse(401, webhookError('WEBHOOK_SIGNATURE_INVALID', 'X-Sinch-Signature does not match'), { projectId, verdict });
      }

      const parsed = parseNumbersCallbackEvent(json);
      if (!parsed.ok) {
        return refuse(400, webhookError('WEBHOOK_PAYLOAD_INVALID', 'The body is not a Numbers callback', parsed.problems), { projectId });
      }
      const { event } = parsed;
      const skewMs = now() - event.occurredAt;
      if (Math.abs(skewMs) > windowMs) {
        const message = `The event timestamp is outside the ±${settings.replayWindowSeconds} s window`;
        return refuse(401, webhookError('WEBHOOK_TIMESTAMP_OUT_OF_WINDOW', message), { projectId, eventId: event.eventId, skewMs });
      }

      const duplicate = recent.checkAndRemember(`${event.projectId}\u0000${event.eventId}`, now());
      const summary = { eventId: event.eventId, projectId: event.projectId, resourceType: event.resourceType, eventType: event.eventType, status: event.status };
      reply.code(200).send({ received: true, duplicate });
      if (duplicate) {
        logger.info(summary, 'numbers callback already processed');
        return reply;
      }
      logger.info(summary, 'numbers callback accepted');
      const handOver = () => {
        Promise.resolve()
          .then(() => options.onEvent(event))
          .catch((error: unknown) => logger.error({ err: error, ...summary }, 'numbers callback handler failed'));
      };
      // After the answer is on the wire (or the connection is gone): Sinch waits for nobody.
      reply.then(handOver, handOver);
      return reply;
    });
  });
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
