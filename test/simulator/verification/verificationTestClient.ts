import { SIMULATOR_APPLICATION_KEY, SIMULATOR_APPLICATION_SECRET } from '../../../src/simulator/simulatorCredentials.js';
import { signVerificationRequest } from '../../../src/upstream/verification/signVerificationRequest.js';

export interface VerificationTestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
  body: any;
}

export interface SendOptions {
  body?: unknown;
  /** Replaces the computed Authorization header (null: send none). */
  authorization?: string | null;
  /** Replaces the computed x-timestamp header (null: send none). */
  timestamp?: string | null;
  headers?: Record<string, string>;
}

/** Signed raw requests to the simulator's Verification API, for tests that look at the wire. */
export function createVerificationTestClient(simulatorUrl: string, secret = SIMULATOR_APPLICATION_SECRET) {
  return async function send(method: string, path: string, options: SendOptions = {}): Promise<VerificationTestResponse> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const contentType = body === undefined ? undefined : 'application/json';
    const timestamp = new Date().toISOString();
    const signed = signVerificationRequest({ applicationKey: SIMULATOR_APPLICATION_KEY, applicationSecret: secret, method, path, contentType, body, timestamp });
    const headers: Record<string, string> = { ...(contentType && { 'content-type': contentType }), ...options.headers };
    const authorization = options.authorization === undefined ? signed.authorization : options.authorization;
    const xTimestamp = options.timestamp === undefined ? timestamp : options.timestamp;
    if (authorization !== null) headers['authorization'] = authorization;
    if (xTimestamp !== null) headers['x-timestamp'] = xTimestamp;
    const response = await fetch(`${simulatorUrl}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  };
}

export type VerificationTestClient = ReturnType<typeof createVerificationTestClient>;

export function startBody(method: string, phoneNumber: string, extra: Record<string, unknown> = {}) {
  return { identity: { type: 'number', endpoint: phoneNumber }, method, ...extra };
}
