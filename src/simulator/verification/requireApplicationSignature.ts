import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { parseBasicCredentials } from '../auth/parseBasicCredentials.js';
import type { RouteHandler, SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { SIMULATOR_APPLICATION_KEY, SIMULATOR_APPLICATION_SECRET } from '../simulatorCredentials.js';
import { VERIFICATION_ERRORS } from './verificationErrors.js';

export interface ApplicationCredentials {
  applicationKey: string;
  /** Base64, as the dashboard shows it; the HMAC key is its decoded bytes. */
  applicationSecret: string;
}

const SIMULATOR_APPLICATION: ApplicationCredentials = {
  applicationKey: SIMULATOR_APPLICATION_KEY,
  applicationSecret: SIMULATOR_APPLICATION_SECRET,
};

/** Guards a Verification route with the application's credentials (REFERENCE §2.1, §2.3). */
export function requireApplicationSignature(handler: RouteHandler, application: ApplicationCredentials = SIMULATOR_APPLICATION): RouteHandler {
  return (request) => checkApplicationAuthorization(request, application) ?? handler(request);
}

/**
 * Checks `Authorization` the way the Verification API does, answering its own 401 codes:
 * none → 40104; not `Scheme value` or an unknown scheme → 40100; `Application key:signature`
 * without a usable `x-timestamp` → 40101; an unknown key or wrong Basic secret → 40107; a
 * signature that does not match → 40102. The "public" `Application key` form (no signature) is
 * refused with 403 40303 "No verification method available" (seed 002): an application without
 * a callback URL has no method a public request may use.
 *
 * This is written independently of the gateway's signer on purpose: sharing the code would let
 * one bug pass both sides. The canonical resource is the path exactly as received (a literal
 * `+` stays `+`), the Content-Type exactly as sent ('' when absent), the body exactly as read.
 * No clock-skew window is enforced: Sinch documents none.
 */
export function checkApplicationAuthorization(request: SimulatorRequest, application: ApplicationCredentials): SimulatorReply | undefined {
  const authorization = request.headers.authorization?.trim() ?? '';
  if (authorization === '') return VERIFICATION_ERRORS.authorizationRequired();
  const parts = /^(\S+)\s+(\S+)$/.exec(authorization);
  if (parts?.[1] === undefined || parts[2] === undefined) return VERIFICATION_ERRORS.invalidAuthorizationHeader();
  const scheme = parts[1].toLowerCase();
  if (scheme === 'basic') {
    const basic = parseBasicCredentials(authorization);
    if (basic === undefined) return VERIFICATION_ERRORS.invalidAuthorizationHeader();
    const matches = basic.username === application.applicationKey && basic.password === application.applicationSecret;
    return matches ? undefined : VERIFICATION_ERRORS.invalidAuthorization();
  }
  if (scheme !== 'application') return VERIFICATION_ERRORS.invalidAuthorizationHeader();

  const separator = parts[2].indexOf(':');
  const key = separator < 0 ? parts[2] : parts[2].slice(0, separator);
  if (key !== application.applicationKey) return VERIFICATION_ERRORS.invalidAuthorization();
  if (separator < 0) return VERIFICATION_ERRORS.noVerificationMethod();
  const signature = parts[2].slice(separator + 1);

  const timestamp = headerValue(request.headers['x-timestamp']);
  if (timestamp === undefined || Number.isNaN(Date.parse(timestamp))) return VERIFICATION_ERRORS.timestampRequired();

  const expected = expectedSignature(request, application.applicationSecret, timestamp);
  return sameText(signature, expected) ? undefined : VERIFICATION_ERRORS.invalidSignature();
}

export function expectedSignature(request: Pick<SimulatorRequest, 'method' | 'rawPath' | 'headers' | 'bodyText'>, secret: string, timestamp: string): string {
  const contentMd5 = request.bodyText === '' ? '' : createHash('md5').update(request.bodyText, 'utf8').digest('base64');
  const contentType = headerValue(request.headers['content-type']) ?? '';
  const stringToSign = `${request.method.toUpperCase()}\n${contentMd5}\n${contentType}\nx-timestamp:${timestamp}\n${request.rawPath}`;
  return createHmac('sha256', Buffer.from(secret, 'base64')).update(stringToSign, 'utf8').digest('base64');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sameText(actual: string, expected: string): boolean {
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
