import { parseAdminJson } from '../admin/parseAdminJson.js';
import type { NumbersModule } from './NumbersModule.js';
import type { SimulatorReply } from '../core/SimulatorRequest.js';

function adminError(status: number, message: string): SimulatorReply {
  return { status, body: { error: message } };
}

/** Test controls of the provisioning lifecycle: script outcomes, advance jobs. */
export function registerNumbersAdminRoutes(numbers: NumbersModule): void {
  const { adminRouter } = numbers.context;

  adminRouter.add({
    service: 'NUMBERS',
    method: 'POST',
    template: '/__admin/provisioning/outcomes',
    handler: (request) => {
      const body = parseAdminJson(request);
      const phoneNumber = body?.['phoneNumber'];
      const errorCodes = body?.['errorCodes'] ?? [];
      if (typeof phoneNumber !== 'string' || !Array.isArray(errorCodes) || !errorCodes.every((code) => typeof code === 'string')) {
        return adminError(400, 'expected {"phoneNumber": "+1...", "errorCodes": ["..."]}');
      }
      if (!numbers.state.activeNumbers.has(phoneNumber)) return adminError(404, `${phoneNumber} is not an active number`);
      const queue = numbers.state.scriptedOutcomes.get(phoneNumber) ?? [];
      queue.push(errorCodes as string[]);
      numbers.state.scriptedOutcomes.set(phoneNumber, queue);
      return { status: 200, body: { phoneNumber, queuedOutcomes: queue.map((codes) => [...codes]) } };
    },
  });

  adminRouter.add({
    service: 'NUMBERS',
    method: 'POST',
    template: '/__admin/provisioning/advance',
    handler: (request) => {
      const body = parseAdminJson(request);
      const phoneNumber = body?.['phoneNumber'];
      if (body === undefined || (phoneNumber !== undefined && typeof phoneNumber !== 'string')) {
        return adminError(400, 'expected an empty body or {"phoneNumber": "+1..."}');
      }
      if (phoneNumber !== undefined && !numbers.state.activeNumbers.has(phoneNumber)) {
        return adminError(404, `${phoneNumber} is not an active number`);
      }
      return { status: 200, body: { steps: numbers.engine.advance(phoneNumber) } };
    },
  });
}
