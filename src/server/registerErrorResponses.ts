import type { FastifyError, FastifyInstance } from 'fastify';

/** Messages for the request errors Fastify raises before a request reaches Apollo Server. */
const MESSAGES: Record<string, (app: FastifyInstance) => string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (app) => `The request body is larger than the limit of ${app.initialConfig.bodyLimit} bytes.`,
  FST_ERR_CTP_INVALID_JSON_BODY: () => 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'The request body is empty.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => 'Unsupported content type: send the operation as application/json.',
};

/**
 * Every error response is GraphQL-shaped, `{ errors: [{ message, extensions: { code, requestId } }] }`,
 * whoever produced it, so a client has one format to parse:
 *
 * - request errors Fastify raises itself (body too large: 413, malformed JSON: 400, unsupported
 *   content type: 415) become `BAD_REQUEST` with their HTTP status kept;
 * - anything else that escapes a route is logged and answered as INTERNAL_SERVER_ERROR (500);
 * - errors Apollo Server answers before its request pipeline (CSRF prevention, batching) never
 *   pass the request-id plugin: the request id is added to them here, on the way out.
 */
export function registerErrorResponses(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message = MESSAGES[error.code]?.(app) ?? error.message;
      return reply.code(status).send({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    }
    request.log.error({ err: error }, 'unexpected error while handling a request');
    return reply.code(500).send({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !payload.startsWith('{"errors":')) {
      return payload;
    }
    try {
      const body = JSON.parse(payload) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
      if (!Array.isArray(body.errors)) return payload;
      body.errors = body.errors.map((error) => ({ ...error, extensions: { ...error.extensions, requestId: request.id } }));
      return JSON.stringify(body);
    } catch {
      return payload;
    }
  });
}
