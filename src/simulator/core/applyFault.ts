import type { ServerResponse } from 'node:http';
import type { FaultDefinition } from './FaultInjector.js';
import type { SimulatorLifetime } from './SimulatorLifetime.js';

/** What a `malformed` fault sends: a JSON document cut off mid-string. */
export const MALFORMED_BODY = '{"activeNumbers":[{"phoneNumber":"+1201555';

const DEFAULT_TRICKLE_INTERVAL_MS = 250;

/**
 * Answers a request the way a fault says to. Returns the status that went on the wire,
 * or null when no status was sent (the socket was reset, or the request hangs).
 */
export async function applyFault(
  fault: FaultDefinition,
  response: ServerResponse,
  lifetime: SimulatorLifetime,
): Promise<number | null> {
  if (fault.delayMs !== undefined && !(await lifetime.delay(fault.delayMs))) return null;
  switch (fault.action) {
    case 'reset':
      response.socket?.resetAndDestroy();
      return null;
    case 'hang':
      // Never answered: the socket is destroyed when the client gives up or the simulator closes.
      return null;
    case 'malformed': {
      const status = fault.status ?? 200;
      response.writeHead(status, { 'content-type': 'application/json', ...fault.headers });
      response.end(MALFORMED_BODY);
      return status;
    }
    case 'trickle':
      return trickle(fault, response, lifetime);
    case undefined: {
      const status = fault.status ?? 500;
      const body = serialiseBody(fault.body);
      const contentType = body === '' ? {} : { 'content-type': 'application/json' };
      response.writeHead(status, { ...contentType, ...fault.headers });
      response.end(body);
      return status;
    }
  }
}

async function trickle(fault: FaultDefinition, response: ServerResponse, lifetime: SimulatorLifetime): Promise<number> {
  const status = fault.status ?? 200;
  const body = Buffer.from(fault.body === undefined ? '{"activeNumbers":[],"nextPageToken":"","totalSize":0}' : serialiseBody(fault.body));
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length), ...fault.headers });
  response.flushHeaders();
  const interval = fault.intervalMs ?? DEFAULT_TRICKLE_INTERVAL_MS;
  for (const byte of body) {
    if (response.destroyed || !(await lifetime.delay(interval))) return status;
    response.write(Buffer.of(byte));
  }
  response.end();
  return status;
}

function serialiseBody(body: unknown): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}
