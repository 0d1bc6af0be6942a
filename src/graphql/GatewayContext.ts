import type { Logger } from 'pino';
import type { NumbersClient } from '../upstream/numbers/NumbersClient.js';
import type { NumbersLoaders } from '../upstream/numbers/createNumbersLoaders.js';
import type { VerificationClient } from '../upstream/verification/VerificationClient.js';
import type { VerificationLoaders } from '../upstream/verification/createVerificationLoaders.js';
import type { SipTrunkingClient } from '../upstream/sipTrunking/SipTrunkingClient.js';
import type { SipTrunkingLoaders } from '../upstream/sipTrunking/createSipTrunkingLoaders.js';
import type { LoaderScope } from '../upstream/LoaderScope.js';
import type { Caller } from '../tenancy/Caller.js';
import type { ProvisioningLifecycle } from '../provisioning/ProvisioningLifecycle.js';
import type { CursorSealer } from './cursors/CursorSealer.js';
import type { OperationTrace } from '../observability/tracing/OperationTrace.js';

/**
 * Everything a resolver may use, built fresh for each GraphQL request by `createContext`.
 * Loaders live exactly as long as one request, so nothing cached here is ever seen by another
 * request or another caller.
 *
 * `scope`, `numbers`, `verification` and `sipTrunking` are bound to ONE project of the caller:
 * the one `selectProject` chose before execution (`projectSelectionPlugin`), or the caller's
 * default project. They are built on first access, so resolvers read them as plain fields.
 */
export interface GatewayContext {
  requestId: string;
  logger: Logger;
  /** The authenticated tenant: its projects, its limits. */
  caller: Caller;
  /**
   * Binds the request to one of the caller's projects. Called once, before execution; throws
   * for a project outside the caller's set or once the request is bound to another project.
   */
  selectProject(projectId: string): void;
  /** The project and lifetime every upstream call of this request is bound to. */
  readonly scope: LoaderScope;
  readonly numbers: { client: NumbersClient; loaders: NumbersLoaders };
  readonly verification: { client: VerificationClient; loaders: VerificationLoaders };
  readonly sipTrunking: { client: SipTrunkingClient; loaders: SipTrunkingLoaders };
  /** Seals the cursors the request issues and opens those it is handed (docs/security.md). */
  cursors: CursorSealer;
  /** The gateway's provisioning lifecycle (subscriptions, bulk resubmission); absent in tests that do not need it. */
  provisioning?: ProvisioningLifecycle;
  /** The request's trace context (its operation span once started); absent when tracing is off. */
  trace?: OperationTrace;
}
