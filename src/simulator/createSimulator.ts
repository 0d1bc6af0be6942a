import type { IncomingMessage, ServerResponse } from 'node:http';
import { registerAdminRoutes } from './admin/registerAdminRoutes.js';
import { registerAuthRoutes } from './auth/registerAuthRoutes.js';
import { TokenIssuer } from './auth/TokenIssuer.js';
import { createRequestHandler } from './core/createRequestHandler.js';
import { FaultInjector } from './core/FaultInjector.js';
import { RequestLog } from './core/RequestLog.js';
import { SimulatorHooks, type SimulatorContext } from './core/SimulatorContext.js';
import { SimulatorLifetime } from './core/SimulatorLifetime.js';
import { silentLogger } from './core/SimulatorLogger.js';
import { SimulatorRouter } from './core/SimulatorRouter.js';
import { registerNumbersRoutes } from './numbers/registerNumbersRoutes.js';
import { resolveSimulatorConfig, type SimulatorOptions } from './SimulatorOptions.js';
import { seedSimulatorState } from './state/SimulatorState.js';
import { registerVerificationRoutes } from './verification/registerVerificationRoutes.js';
import { registerSipTrunkingRoutes } from './sipTrunking/registerSipTrunkingRoutes.js';

export interface Simulator {
  context: SimulatorContext;
  handleRequest: (request: IncomingMessage, response: ServerResponse) => void;
  /** Stops every timer the simulator owns; the HTTP server is closed by its owner. */
  shutdown(): void;
}

/**
 * The composition root: builds the shared pieces and registers every service's routes.
 * Adding a simulated service is one `register...Routes(context)` line here plus its slice
 * in `SimulatorState`.
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const config = resolveSimulatorConfig(options);
  const context: SimulatorContext = {
    config,
    state: seedSimulatorState(config),
    router: new SimulatorRouter(),
    adminRouter: new SimulatorRouter(),
    requestLog: new RequestLog(),
    faults: new FaultInjector(),
    lifetime: new SimulatorLifetime(),
    tokens: new TokenIssuer(() => config.tokenTtlSeconds),
    logger: options.logger ?? silentLogger,
    hooks: new SimulatorHooks(),
  };

  registerAuthRoutes(context);
  registerNumbersRoutes(context);
  registerVerificationRoutes(context);
  registerSipTrunkingRoutes(context);
  registerAdminRoutes(context, () => {
    // Reseed in place: modules hold on to `context.state`, not to its slices.
    Object.assign(context.state, seedSimulatorState(config));
    context.requestLog.clear();
    context.faults.clear();
    context.hooks.notifyReset();
  });

  return {
    context,
    handleRequest: createRequestHandler(context),
    shutdown: () => context.lifetime.close(),
  };
}
