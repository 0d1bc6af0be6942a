import type { SimulatorContext } from '../core/SimulatorContext.js';
import { FAULT_ACTIONS, type FaultDefinition } from '../core/FaultInjector.js';
import type { RouteHandler, SimulatorReply, SimulatorService } from '../core/SimulatorRequest.js';
import type { ProvisioningTiming } from '../SimulatorOptions.js';
import { parseAdminJson } from './parseAdminJson.js';
import { applySeededCallbackUrl } from '../numbers/applySeededCallbackUrl.js';

const SERVICES: readonly SimulatorService[] = ['AUTH', 'NUMBERS', 'VERIFICATION', 'SIP_TRUNKING'];

function badRequest(message: string): SimulatorReply {
  return { status: 400, body: { error: message } };
}

/**
 * The test and demo controls under `/__admin`. They never need credentials and never show
 * up in the request log, so tests can inspect the simulator without disturbing it.
 */
export function registerAdminRoutes(context: SimulatorContext, reset: () => void): void {
  const add = (method: string, template: string, handler: RouteHandler) =>
    context.adminRouter.add({ service: 'NUMBERS', method, template: `/__admin${template}`, handler });

  add('GET', '/health', () => ({ status: 200, body: { status: 'ok' } }));

  add('GET', '/requests', ({ query }) => {
    const service = query.get('service') ?? undefined;
    if (service !== undefined && !SERVICES.includes(service as SimulatorService)) {
      return badRequest(`service must be one of ${SERVICES.join(', ')}`);
    }
    return { status: 200, body: { requests: context.requestLog.list(service as SimulatorService | undefined) } };
  });
  add('GET', '/requests/counts', () => ({ status: 200, body: { counts: context.requestLog.counts() } }));
  add('DELETE', '/requests', () => {
    context.requestLog.clear();
    return { status: 204 };
  });

  add('GET', '/faults', () => ({
    status: 200,
    body: { faults: context.faults.list().map((fault) => ({ id: fault.id, remaining: fault.remaining === Infinity ? 0 : fault.remaining, ...fault.definition })) },
  }));
  add('POST', '/faults', (request) => {
    const body = parseAdminJson(request);
    if (body === undefined) return badRequest('expected a JSON object');
    const problem = validateFault(body);
    if (problem !== undefined) return badRequest(problem);
    return { status: 201, body: { id: context.faults.add(body as unknown as FaultDefinition).id } };
  });
  add('DELETE', '/faults', () => {
    context.faults.clear();
    return { status: 204 };
  });

  add('POST', '/reset', () => {
    reset();
    return { status: 204 };
  });

  add('POST', '/tokens/expire', () => {
    context.tokens.expireAll();
    return { status: 204 };
  });

  add('GET', '/config', () => ({ status: 200, body: { ...context.config } }));
  add('PUT', '/config', (request) => {
    const body = parseAdminJson(request);
    if (body === undefined) return badRequest('expected a JSON object');
    const latencyMs = body['latencyMs'];
    const provisioning = body['provisioning'];
    if (latencyMs !== undefined && !isNonNegativeNumber(latencyMs)) return badRequest('latencyMs must be a number >= 0');
    if (provisioning !== undefined && !isProvisioningTiming(provisioning)) {
      return badRequest('provisioning must be "manual" or {"waitingMs": number, "inProgressMs": number}');
    }
    const seededCallbackUrl = body['seededCallbackUrl'];
    if (seededCallbackUrl !== undefined && !isCallbackUrl(seededCallbackUrl)) return badRequest('seededCallbackUrl must be "" or an http(s) URL');
    if (typeof seededCallbackUrl === 'string') applySeededCallbackUrl(context, seededCallbackUrl);
    if (latencyMs !== undefined) context.config.latencyMs = latencyMs;
    if (provisioning !== undefined) context.config.provisioning = provisioning;
    context.hooks.notifyConfigChange();
    return { status: 200, body: { ...context.config } };
  });
}

function isCallbackUrl(value: unknown): value is string {
  if (value === '') return true;
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isProvisioningTiming(value: unknown): value is ProvisioningTiming {
  if (value === 'manual') return true;
  if (typeof value !== 'object' || value === null) return false;
  const timing = value as Record<string, unknown>;
  return isNonNegativeNumber(timing['waitingMs']) && isNonNegativeNumber(timing['inProgressMs']);
}

function validateFault(body: Record<string, unknown>): string | undefined {
  if (typeof body['path'] !== 'string') return 'path (a regular expression source) is required';
  try {
    new RegExp(body['path']);
  } catch {
    return `path is not a valid regular expression: ${body['path']}`;
  }
  if (body['method'] !== undefined && typeof body['method'] !== 'string') return 'method must be a string';
  if (body['status'] !== undefined && !(Number.isInteger(body['status']) && Number(body['status']) >= 100 && Number(body['status']) <= 599)) {
    return 'status must be an HTTP status code';
  }
  for (const key of ['delayMs', 'times', 'intervalMs']) {
    if (body[key] !== undefined && !isNonNegativeNumber(body[key])) return `${key} must be a number >= 0`;
  }
  if (body['action'] !== undefined && !FAULT_ACTIONS.includes(body['action'] as never)) {
    return `action must be one of ${FAULT_ACTIONS.join(', ')}`;
  }
  const headers = body['headers'];
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || Object.values(headers).some((value) => typeof value !== 'string'))) {
    return 'headers must be an object of strings';
  }
  return undefined;
}
