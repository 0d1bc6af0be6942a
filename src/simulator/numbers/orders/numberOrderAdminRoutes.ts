import { parseAdminJson } from '../../admin/parseAdminJson.js';
import type { SimulatorReply } from '../../core/SimulatorRequest.js';
import type { NumbersModule } from '../NumbersModule.js';
import type { NumberOrderEngine } from './NumberOrderEngine.js';
import { toNumberOrderWire } from './toNumberOrderWire.js';

function adminError(status: number, message: string): SimulatorReply {
  return { status, body: { error: message } };
}

/** Test controls of number orders: end reviews now, expire an open order. */
export function registerNumberOrderAdminRoutes(numbers: NumbersModule, engine: NumberOrderEngine): void {
  const { adminRouter } = numbers.context;

  adminRouter.add({
    service: 'NUMBERS',
    method: 'POST',
    template: '/__admin/numberOrders/advance',
    handler: (request) => {
      const body = parseAdminJson(request);
      const numberOrderId = body?.['numberOrderId'];
      if (body === undefined || (numberOrderId !== undefined && typeof numberOrderId !== 'string')) {
        return adminError(400, 'expected an empty body or {"numberOrderId": "..."}');
      }
      if (numberOrderId !== undefined && !numbers.state.numberOrders.has(numberOrderId)) {
        return adminError(404, `${numberOrderId} is not a number order`);
      }
      return { status: 200, body: { steps: engine.advance(numberOrderId) } };
    },
  });

  adminRouter.add({
    service: 'NUMBERS',
    method: 'POST',
    template: '/__admin/numberOrders/expire',
    handler: (request) => {
      const numberOrderId = parseAdminJson(request)?.['numberOrderId'];
      if (typeof numberOrderId !== 'string') return adminError(400, 'expected {"numberOrderId": "..."}');
      const order = numbers.state.numberOrders.get(numberOrderId);
      if (order === undefined) return adminError(404, `${numberOrderId} is not a number order`);
      if (!engine.expire(order)) return adminError(409, `${numberOrderId} is ${order.state}, not open`);
      return { status: 200, body: toNumberOrderWire(order) };
    },
  });
}
