import type { SimulatorContext } from '../core/SimulatorContext.js';
import { registerActiveNumberRoutes } from './activeNumberRoutes.js';
import { registerAvailableNumberRoutes } from './availableNumberRoutes.js';
import { registerNumbersAdminRoutes } from './numbersAdminRoutes.js';
import { NumbersModule } from './NumbersModule.js';
import { ProvisioningEngine } from './ProvisioningEngine.js';
import { registerProjectSettingsRoutes } from './projectSettingsRoutes.js';

/**
 * The Numbers API (numbers.api.sinch.com). Number orders and emergency addresses are not
 * simulated yet; they would be one more `register...Routes(numbers)` line each.
 */
export function registerNumbersRoutes(context: SimulatorContext): void {
  context.router.claim(
    'NUMBERS',
    /^\/v1\/projects\/[^/]+\/(activeNumbers|availableNumbers|availableRegions|callbackConfiguration|numberOrders)\b/,
  );
  const engine = new ProvisioningEngine(context.state, context.config, context.lifetime, context.logger);
  const numbers = new NumbersModule(context, engine);
  registerActiveNumberRoutes(numbers);
  registerAvailableNumberRoutes(numbers);
  registerProjectSettingsRoutes(numbers);
  registerNumbersAdminRoutes(numbers);
  context.hooks.onReset(() => engine.reschedule());
  context.hooks.onConfigChange(() => engine.reschedule());
  // Seeded WAITING / IN_PROGRESS jobs start moving as soon as the simulator runs.
  engine.reschedule();
}
