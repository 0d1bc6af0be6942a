import type { IncomingMessage, ServerResponse } from 'node:http';
import { internalError, methodNotAllowed, unknownPath } from '../numbers/numbersErrors.js';
import { sipMethodNotAllowed, unknownSipPath } from '../sipTrunking/sipTrunkingErrors.js';
import { verificationError, verificationMethodNotAllowed } from '../verification/verificationErrors.js';
import { applyFault } from './applyFault.js';
import { readRequestBody } from './readRequestBody.js';
import { queryToRecord, type RequestLogEntry } from './RequestLog.js';
import { sendReply } from './sendReply.js';
import type { SimulatorContext } from './SimulatorContext.js';
import type { SimulatorReply, SimulatorRequest, SimulatorService } from './SimulatorRequest.js';
import type { SimulatorRouter } from './SimulatorRouter.js';

export const ADMIN_PREFIX = '/__admin';

/**
 * The request pipeline. Admin requests go straight to the admin router: no latency, no
 * faults, no log. Every other request is logged on arrival, delayed by the configured
 * latency, offered to the fault injector, and only then routed.
 */
export function createRequestHandler(context: SimulatorContext): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(context, request, response).catch((error: unknown) => {
      context.logger.error({ err: error }, 'simulator request failed');
      sendReply(response, internalError('The simulator failed to handle the request'));
    });
  };
}

async function handle(context: SimulatorContext, incoming: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = (incoming.method ?? 'GET').toUpperCase();
  const target = incoming.url ?? '/';
  const queryStart = target.indexOf('?');
  const rawPath = queryStart < 0 ? target : target.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1));
  const bodyText = await readRequestBody(incoming);
  const request: SimulatorRequest = { method, rawPath, query, headers: incoming.headers, bodyText, params: {} };

  if (rawPath === ADMIN_PREFIX || rawPath.startsWith(`${ADMIN_PREFIX}/`)) {
    sendReply(response, await route(context.adminRouter, request, adminFallback));
    return;
  }

  const entry = context.requestLog.record({
    service: context.router.serviceFor(rawPath),
    method,
    path: rawPath,
    query: queryToRecord(query),
    route: null,
    status: null,
    receivedAt: new Date().toISOString(),
    authorizationScheme: incoming.headers.authorization?.trim().split(/\s+/)[0] ?? null,
    traceparent: typeof incoming.headers.traceparent === 'string' ? incoming.headers.traceparent : null,
  });
  if (!(await context.lifetime.delay(context.config.latencyMs))) return;

  const fault = context.faults.take(method, rawPath);
  if (fault !== undefined) {
    context.logger.debug({ faultId: fault.id, method, path: rawPath }, 'fault injected');
    entry.status = await applyFault(fault.definition, response, context.lifetime);
    return;
  }
  let reply: SimulatorReply;
  try {
    reply = await route(context.router, request, serviceFallback(entry.service), entry);
  } catch (error) {
    context.logger.error({ err: error, method, path: rawPath }, 'simulator route failed');
    reply = internalError('The simulator failed to handle the request');
  }
  sendReply(response, reply);
  entry.status = reply.status;
}

type Fallback = (match: { kind: 'notFound' } | { kind: 'methodNotAllowed'; allowedMethods: string[] }) => SimulatorReply;

async function route(router: SimulatorRouter, request: SimulatorRequest, fallback: Fallback, entry?: RequestLogEntry): Promise<SimulatorReply> {
  const match = router.match(request.method, request.rawPath);
  if (match.kind !== 'matched') return fallback(match);
  if (entry !== undefined) entry.route = `${match.route.method} ${match.route.template}`;
  return match.route.handler({ ...request, params: match.params });
}

/** A path no route knows, or a method it does not take, answered in the envelope of the service the path belongs to. */
function serviceFallback(service: SimulatorService): Fallback {
  switch (service) {
    case 'SIP_TRUNKING':
      return (match) => (match.kind === 'notFound' ? unknownSipPath() : sipMethodNotAllowed(match.allowedMethods));
    case 'VERIFICATION':
      return (match) =>
        match.kind === 'notFound'
          ? verificationError(40400)
          : { ...verificationMethodNotAllowed(), headers: { allow: match.allowedMethods.join(', ') } };
    default:
      return (match) => (match.kind === 'notFound' ? unknownPath() : methodNotAllowed(match.allowedMethods));
  }
}

const adminFallback: Fallback = (match) =>
  match.kind === 'notFound'
    ? { status: 404, body: { error: 'unknown admin endpoint' } }
    : { status: 405, headers: { allow: match.allowedMethods.join(', ') }, body: { error: 'method not allowed' } };
