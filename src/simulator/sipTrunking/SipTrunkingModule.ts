import { requireProjectCredentials } from '../auth/requireProjectCredentials.js';
import type { SimulatorContext } from '../core/SimulatorContext.js';
import type { RouteHandler } from '../core/SimulatorRequest.js';
import type { NumbersState } from '../numbers/NumbersState.js';
import { permissionDenied, unauthenticated } from './sipTrunkingErrors.js';
import type { SipTrunkingState } from './SipTrunkingState.js';
import { sipTroubleReply } from './sipTroubleTrunks.js';

export const SIP_TRUNKING_PATH_PREFIX = '/v1/projects/{projectId}';

/** What the SIP Trunking route files share. */
export class SipTrunkingModule {
  constructor(readonly context: SimulatorContext) {}

  /** Read through the context every time: a reset replaces the slice. */
  get state(): SipTrunkingState {
    return this.context.state.sipTrunking;
  }

  /** The Numbers slice, which is where EST phone number assignments live. */
  get numbers(): NumbersState {
    return this.context.state.numbers;
  }

  get projectId(): string {
    return this.context.state.projectId;
  }

  /** Registers an EST route behind OAuth2 bearer (or Basic) authentication, like Numbers. */
  route(method: string, path: string, handler: RouteHandler): void {
    this.context.router.add({
      service: 'SIP_TRUNKING',
      method,
      template: `${SIP_TRUNKING_PATH_PREFIX}${path}`,
      handler: requireProjectCredentials(this.context, (request) => sipTroubleReply(request) ?? handler(request), { unauthenticated, permissionDenied }),
    });
  }
}
