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
  /**
   * Default 86 400 (24 h): an event whose `timestamp` is older is not processed, and answered
   * 200 so that Sinch stops retrying it (docs/webhooks.md, "How old a callback may be").
   */
  maxAgeSeconds?: number;
  /** Default 300: an event further than this ahead of this clock is refused 401 (Sinch retries it). */
  maxSkewSeconds?: number;
  /** Runs after the 200 went out; hand the event to durable processing and return fast. */
  onEvent: (event: NumbersCallbackEvent) => void | Promise<void>;
  /** Clock in epoch milliseconds; for tests. */
  now?: () => number;
  logger?: FastifyBaseLogger;
  /** Default 100 000 event ids remembered by this process. */
  dedupeCapacity?: number;
  /**
   * The dedupe memory every replica shares (Redis). Without it, this process's memory alone
   * decides; with it, an event id is claimed once across replicas, and a callback that cannot
   * be claimed (the store is away) is answered 503 so that Sinch retries it.
   */
  claims?: EventIdClaims;
  /** Called once per callback with what became of it; for metrics. */
  onOutcome?: (outcome: CallbackOutcome) => void;
  /** Default 10 000 ms between two secret refreshes of one project. */
  refreshCooldownMs?: number;
}

/** Claims event ids across replicas. */
export interface EventIdClaims {
  /**
   * `claimed` when no replica claimed `key` within the last `ttlMs`, `duplicate` otherwise.
   * Throws when it cannot tell (the store is away): the callback is then refused 503.
   */
  claim(key: string, ttlMs: number): Promise<'claimed' | 'duplicate'>;
}

/** What became of one callback (`gateway_webhook_callbacks_total{outcome}`). */
export type CallbackOutcome = 'accepted' | 'duplicate' | 'too_old' | 'ahead_of_clock' | 'dedupe_unavailable' | 'refused';

export const NUMBERS_WEBHOOK_DEFAULTS = {
  path: '/webhooks/numbers',
  maxBodyBytes: 64 * 1024,
  maxAgeSeconds: 86_400,
  maxSkewSeconds: 300,
  dedupeCapacity: 100_000,
  refreshCooldownMs: 10_000,
} as const;

/** How long Sinch is asked to wait before retrying a callback that could not be deduplicated. */
const DEDUPE_RETRY_AFTER_SECONDS = 5;

/**
 * The receiver of Sinch Numbers callbacks, as an encapsulated Fastify plugin: its raw-body
 * parser and error handler apply to this route only. Order of checks: size and content
 * type (Fastify) → signature present → JSON with a projectId → signature valid (one secret
 * refresh on mismatch) → payload shape → not older than `maxAgeSeconds` (else 200, not
 * processed) nor ahead of the clock by more than `maxSkewSeconds` → not a duplicate (this
 * process's memory, then the shared claim) → 200, then `onEvent`. The signature is checked
 * before the payload is validated so that an unsigned request learns nothing but "401".
 */
export async function registerNumbersWebhook(app: FastifyInstance, options: NumbersWebhookOptions): Promise<void> {
  const settings = { ...NUMBERS_WEBHOOK_DEFAULTS, ...withoutUndefined(options) };
  const now = options.now ?? Date.now;
  const maxAgeMs = settings.maxAgeSeconds * 1000;
  const maxSkewMs = settings.maxSkewSeconds * 1000;
  const recent = new RecentEventIds(settings.dedupeCapacity, now);
  const outcome = options.onOutcome ?? (() => undefined);
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
        outcome('refused');
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
        outcome('refused');
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
      const ageMs = now() - event.occurredAt;
      const summary = { eventId: event.eventId, projectId: event.projectId, resourceType: event.resourceType, eventType: event.eventType, status: event.status };
      if (ageMs > maxAgeMs) {
        // Authentic but too old: replaying it could be an attack, and retrying only makes it
        // older, so it is not processed, and the 200 tells Sinch to stop retrying it.
        outcome('too_old');
        logger.warn({ ...summary, ageMs }, 'numbers callback older than NUMBERS_CALLBACK_MAX_AGE_S: not processed');
        return reply.code(200).send({ received: true, processed: false, code: 'WEBHOOK_EVENT_TOO_OLD' });
      }
      if (-ageMs > maxSkewMs) {
        outcome('ahead_of_clock');
        const message = `The event timestamp is more than ${settings.maxSkewSeconds} s ahead of the gateway's clock; retry later`;
        logger.warn({ ...summary, httpStatus: 401, code: 'WEBHOOK_TIMESTAMP_OUT_OF_WINDOW', ageMs }, 'numbers callback refused');
        return reply.code(401).send(webhookError('WEBHOOK_TIMESTAMP_OUT_OF_WINDOW', message));
      }

      // The id is remembered until the event is too old to be accepted anyway, plus the skew
      // allowed between clocks, so no redelivery inside the accepted window gets through.
      const key = `${event.projectId}\u0000${event.eventId}`;
      const expiresAt = event.occurredAt + maxAgeMs + maxSkewMs;
      let duplicate = recent.has(key);
      if (!duplicate && options.claims !== undefined) {
        try {
          duplicate = (await options.claims.claim(key, Math.max(1, expiresAt - now()))) === 'duplicate';
        } catch (error) {
          outcome('dedupe_unavailable');
          logger.error({ err: error, ...summary }, 'numbers callback cannot be deduplicated (the shared store is away): refused so that Sinch retries it');
          reply.header('retry-after', String(DEDUPE_RETRY_AFTER_SECONDS));
          return reply.code(503).send(webhookError('WEBHOOK_DEDUPE_UNAVAILABLE', 'The callback cannot be deduplicated right now; retry later'));
        }
      }
      recent.remember(key, expiresAt);
      outcome(duplicate ? 'duplicate' : 'accepted');
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
