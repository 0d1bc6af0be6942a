import type { TokenIssuer } from '../auth/TokenIssuer.js';
import type { SimulatorConfig } from '../SimulatorOptions.js';
import type { SimulatorState } from '../state/SimulatorState.js';
import type { FaultInjector } from './FaultInjector.js';
import type { RequestLog } from './RequestLog.js';
import type { SimulatorLifetime } from './SimulatorLifetime.js';
import type { SimulatorLogger } from './SimulatorLogger.js';
import type { SimulatorRouter } from './SimulatorRouter.js';

/**
 * The long-lived pieces every route module receives. Modules register their routes on
 * `router` (public API) or `adminRouter` (`/__admin/...`), keep their data in `state`, and
 * subscribe to `hooks` to react to a reset or a live configuration change.
 */
export interface SimulatorContext {
  readonly config: SimulatorConfig;
  readonly state: SimulatorState;
  readonly router: SimulatorRouter;
  readonly adminRouter: SimulatorRouter;
  readonly requestLog: RequestLog;
  readonly faults: FaultInjector;
  readonly lifetime: SimulatorLifetime;
  readonly tokens: TokenIssuer;
  readonly logger: SimulatorLogger;
  readonly hooks: SimulatorHooks;
}

type Listener = () => void;

export class SimulatorHooks {
  readonly #resetListeners: Listener[] = [];
  readonly #configListeners: Listener[] = [];

  /** Runs after the state has been reseeded. */
  onReset(listener: Listener): void {
    this.#resetListeners.push(listener);
  }

  /** Runs after `PUT /__admin/config` changed the configuration. */
  onConfigChange(listener: Listener): void {
    this.#configListeners.push(listener);
  }

  notifyReset(): void {
    for (const listener of this.#resetListeners) listener();
  }

  notifyConfigChange(): void {
    for (const listener of this.#configListeners) listener();
  }
}
