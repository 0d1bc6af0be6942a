import { createHash, createHmac } from 'node:crypto';

/** Everything that goes into the signature of one Verification request (REFERENCE §2.3). */
export interface SignableRequest {
  applicationKey: string;
  /** The application secret exactly as the Sinch dashboard shows it: base64. */
  applicationSecret: string;
  method: string;
  /** The path only: no origin, no query string. */
  path: string;
  /** The Content-Type header exactly as sent; empty when none is sent. */
  contentType: string | undefined;
  /** The exact body bytes as sent (UTF-8); undefined or empty when there is none. */
  body: string | undefined;
  /** The `x-timestamp` header value, ISO 8601 UTC. */
  timestamp: string;
}

export interface SignedHeaders {
  authorization: string;
  'x-timestamp': string;
}

/**
 * The Sinch "application signed request" scheme:
 *
 *   StringToSign = VERB \n Content-MD5 \n Content-Type \n x-timestamp:<ts> \n path
 *   Signature    = base64(HMAC-SHA256(base64decode(secret), StringToSign))
 *
 * The HMAC key is the base64-DECODED secret: signing with the dashboard string itself is the
 * classic mistake, and Sinch answers it with 40102 "Invalid signature". The body is signed
 * through its MD5, so the exact serialised bytes must be signed, never a re-serialisation.
 */
export function signVerificationRequest(request: SignableRequest): SignedHeaders {
  const contentMd5 = request.body ? createHash('md5').update(request.body, 'utf8').digest('base64') : '';
  const stringToSign = [
    request.method.toUpperCase(),
    contentMd5,
    request.contentType ?? '',
    `x-timestamp:${request.timestamp}`,
    request.path,
  ].join('\n');
  const key = Buffer.from(request.applicationSecret, 'base64');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('base64');
  return { authorization: `Application ${request.applicationKey}:${signature}`, 'x-timestamp': request.timestamp };
}
