import { parseAdminJson } from '../../admin/parseAdminJson.js';
import type { RouteHandler, SimulatorReply } from '../../core/SimulatorRequest.js';
import type { SimulatorRouter } from '../../core/SimulatorRouter.js';
import type { CallbackDispatcher } from './CallbackDispatcher.js';
import { mergeCallbackSwitches } from './CallbackSwitches.js';

function adminError(status: number, message: string): SimulatorReply {
  return { status, body: { error: message } };
}

/**
 * `/__admin/callbacks`: what was sent (and how it went), the delivery switches, releasing
 * held callbacks, and waiting until the queue is drained.
 */
export function registerCallbackAdminRoutes(adminRouter: SimulatorRouter, dispatcher: CallbackDispatcher): void {
  const add = (method: string, template: string, handler: RouteHandler) =>
    adminRouter.add({ service: 'NUMBERS', method, template: `/__admin/callbacks${template}`, handler });

  add('GET', '', ({ query }) => {
    const resourceId = query.get('resourceId');
    const callbacks = dispatcher.list().filter((callback) => resourceId === null || callback.payload.resourceId === resourceId);
    return { status: 200, body: { callbacks } };
  });

  add('DELETE', '', () => {
    dispatcher.clearLog();
    return { status: 204 };
  });

  add('GET', '/config', () => ({ status: 200, body: dispatcher.switches }));

  add('PUT', '/config', (request) => {
    const body = parseAdminJson(request);
    if (body === undefined) return adminError(400, 'expected a JSON object of switches');
    const merged = mergeCallbackSwitches(dispatcher.switches, body);
    if (typeof merged === 'string') return adminError(400, merged);
    dispatcher.switches = merged;
    return { status: 200, body: dispatcher.switches };
  });

  add('POST', '/release', (request) => {
    const body = parseAdminJson(request);
    const order = body?.['order'] ?? 'fifo';
    if (order !== 'fifo' && order !== 'reverse') return adminError(400, 'expected {"order": "fifo" | "reverse"}');
    return { status: 200, body: { released: dispatcher.release(order) } };
  });

  add('POST', '/flush', async () => ({ status: 200, body: { callbacks: await dispatcher.flush() } }));
}
