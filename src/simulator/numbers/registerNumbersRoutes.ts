import type { SimulatorContext } from '../core/SimulatorContext.js';
import { registerActiveNumberRoutes } from './activeNumberRoutes.js';
import { registerAvailableNumberRoutes } from './availableNumberRoutes.js';
import { registerCallbackAdminRoutes } from './callbacks/callbackAdminRoutes.js';
import { CallbackDispatcher } from './callbacks/CallbackDispatcher.js';
import { toInProgressCallbacks, toProvisioningCallbacks } from './callbacks/toProvisioningCallbacks.js';
import { peekSmsOutcome } from './resolveSmsOutcome.js';
import { registerEmergencyAddressRoutes } from './emergency/emergencyAddressRoutes.js';
import { registerNumbersAdminRoutes } from './numbersAdminRoutes.js';
import { NumbersModule } from './NumbersModule.js';
import { NumberOrderEngine } from './orders/NumberOrderEngine.js';
import { registerNumberOrderAdminRoutes } from './orders/numberOrderAdminRoutes.js';
import { registerNumberOrderRoutes } from './orders/numberOrderRoutes.js';
import { ProvisioningEngine } from './ProvisioningEngine.js';
import { registerProjectSettingsRoutes } from './projectSettingsRoutes.js';

/** The Numbers API (numbers.api.sinch.com), its callbacks, and their test controls. */
export function registerNumbersRoutes(context: SimulatorContext): void {
  context.router.claim(
    'NUMBERS',
    /^\/v1\/projects\/[^/]+\/(activeNumbers|availableNumbers|availableRegions|callbackConfiguration|numberOrders)\b/,
  );
  const engine = new ProvisioningEngine(context.state, context.config, context.lifetime, context.logger);
  const dispatcher = new CallbackDispatcher(context.lifetime, context.logger);
  const orders = new NumberOrderEngine(context, engine, dispatcher);
  // Every finished job of a number with a callbackUrl is reported there, signed with the
  // project's hmacSecret as it is at that moment.
  engine.onJobFinished((finished) => {
    for (const payload of toProvisioningCallbacks(finished)) {
      dispatcher.emit(finished.record.callbackUrl, payload, context.state.numbers.callbackConfiguration.hmacSecret);
    }
  });
  engine.onSmsJobProgressed((progressed) => {
    const outcome = peekSmsOutcome(context.state.numbers, progressed.record.phoneNumber, progressed.job);
    for (const payload of toInProgressCallbacks(progressed, outcome)) {
      dispatcher.emit(progressed.record.callbackUrl, payload, context.state.numbers.callbackConfiguration.hmacSecret);
    }
  });
  const numbers = new NumbersModule(context, engine);
  registerActiveNumberRoutes(numbers);
  registerAvailableNumberRoutes(numbers);
  registerProjectSettingsRoutes(numbers);
  registerEmergencyAddressRoutes(numbers);
  registerNumberOrderRoutes(numbers, orders);
  registerNumbersAdminRoutes(numbers);
  registerNumberOrderAdminRoutes(numbers, orders);
  registerCallbackAdminRoutes(context.adminRouter, dispatcher);
  context.hooks.onReset(() => {
    dispatcher.reset();
    engine.reset();
    orders.reschedule();
  });
  context.hooks.onConfigChange(() => {
    engine.reschedule();
    orders.reschedule();
  });
  // Seeded WAITING / IN_PROGRESS jobs stay as seeded; only jobs started through the API (or
  // stepped by `POST /__admin/provisioning/advance`) move with the timers.
}
