/**
 * Stable, greppable codes of the receiver's refusals. Bodies stay small and never echo the
 * request: Sinch only looks at the status (anything but 2xx is retried).
 */
export type WebhookErrorCode =
  | 'WEBHOOK_PAYLOAD_INVALID'
  | 'WEBHOOK_SIGNATURE_MISSING'
  | 'WEBHOOK_SIGNATURE_INVALID'
  | 'WEBHOOK_TIMESTAMP_OUT_OF_WINDOW'
  | 'WEBHOOK_BODY_TOO_LARGE'
  | 'WEBHOOK_UNSUPPORTED_MEDIA_TYPE'
  | 'WEBHOOK_SECRET_UNAVAILABLE'
  | 'WEBHOOK_DEDUPE_UNAVAILABLE'
  | 'WEBHOOK_INTERNAL_ERROR';

export interface WebhookErrorBody {
  error: { code: WebhookErrorCode; message: string; problems?: string[] };
}

export function webhookError(code: WebhookErrorCode, message: string, problems?: string[]): WebhookErrorBody {
  return { error: { code, message, ...(problems === undefined ? {} : { problems }) } };
}

/** Maps Fastify's own errors (body limit, content type, broken framing) to the same envelope. */
export function toWebhookErrorReply(statusCode: number | undefined): { status: number; body: WebhookErrorBody } {
  switch (statusCode) {
    case 413:
      return { status: 413, body: webhookError('WEBHOOK_BODY_TOO_LARGE', 'The body exceeds the size limit') };
    case 415:
      return { status: 415, body: webhookError('WEBHOOK_UNSUPPORTED_MEDIA_TYPE', 'Send Content-Type: application/json') };
    default:
      return statusCode !== undefined && statusCode >= 400 && statusCode < 500
        ? { status: 400, body: webhookError('WEBHOOK_PAYLOAD_INVALID', 'The request could not be read') }
        : { status: 500, body: webhookError('WEBHOOK_INTERNAL_ERROR', 'The callback could not be handled') };
  }
}
