import { requireProjectCredentials } from '../auth/requireProjectCredentials.js';
import type { SimulatorContext } from '../core/SimulatorContext.js';
import type { RouteHandler } from '../core/SimulatorRequest.js';
import type { NumbersState } from './NumbersState.js';
import type { ProvisioningEngine } from './ProvisioningEngine.js';

export const NUMBERS_PATH_PREFIX = '/v1/projects/{projectId}';

/** What the Numbers route files share. */
export class NumbersModule {
  readonly context: SimulatorContext;
  readonly engine: ProvisioningEngine;

  constructor(context: SimulatorContext, engine: ProvisioningEngine) {
    this.context = context;
    this.engine = engine;
  }

  /** Read through the context every time: a reset replaces the slice. */
  get state(): NumbersState {
    return this.context.state.numbers;
  }

  /** Registers a Numbers route behind project authentication; `path` is relative to the project. */
  route(method: string, path: string, handler: RouteHandler): void {
    this.context.router.add({
      service: 'NUMBERS',
      method,
      template: `${NUMBERS_PATH_PREFIX}${path}`,
      handler: requireProjectCredentials(this.context, handler),
    });
  }
}
