import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { OperationTrace } from '../observability/tracing/OperationTrace.js';
import type { BatchObserver } from '../upstream/measuredBatch.js';
import type { Caller } from '../tenancy/Caller.js';
import type { ProvisioningLifecycle } from '../provisioning/ProvisioningLifecycle.js';
import { withDeadline } from '../upstream/resilience/requestDeadline.js';
import { createNumbersLoaders } from '../upstream/numbers/createNumbersLoaders.js';
import { createVerificationLoaders } from '../upstream/verification/createVerificationLoaders.js';
import { createSipTrunkingLoaders } from '../upstream/sipTrunking/createSipTrunkingLoaders.js';
import type { GatewayContext } from './GatewayContext.js';
import type { CursorSealer } from './cursors/CursorSealer.js';
import { processCursorSealer } from './cursors/CursorSealer.js';

export interface ContextInput {
  /** The authenticated tenant; its default project unless the operation selects another. */
  caller: Caller;
  requestId: string;
  logger: Logger;
  /** Aborted when the HTTP exchange with the client ends. */
  signal: AbortSignal;
  /** The request's deadline (`GRAPHQL_REQUEST_DEADLINE_MS`); none when absent. */
  deadlineMs?: number;
  /** The gateway's long-lived provisioning lifecycle, passed through to resolvers. */
  provisioning?: ProvisioningLifecycle;
  /** Where the request's loaders report their batch sizes (the gateway's metrics). */
  observeBatch?: (loaderName: string, size: number) => void;
  /** The gateway's cursor key; a random key of this process when absent. */
  cursors?: CursorSealer;
  /** With tracing on: the request's trace context, and the spans of its loaders' batches. */
  trace?: OperationTrace;
  traceBatch?: BatchObserver['traceBatch'];
}

type ProjectBinding = Pick<GatewayContext, 'scope' | 'numbers' | 'verification' | 'sipTrunking'>;

/**
 * Builds the per-request context: fresh loaders over the long-lived clients of the selected
 * project. Every upstream call of the request carries `scope.signal`, which aborts when the
 * exchange ends or the deadline passes, so nothing calls upstream for a request that is over.
 *
 * The project is bound lazily: `selectProject` only records the choice, and the first read of
 * `scope` or a service builds its loaders for that project (the default project when none was
 * selected). Once built, the binding cannot change, so one request never mixes two projects.
 */
export function createContext(input: ContextInput): GatewayContext {
  const signal = input.deadlineMs === undefined ? input.signal : withDeadline(input.signal, input.deadlineMs);
  // Every upstream call of the request listens to it (one listener each, removed when the call
  // ends): an operation with more than ten calls in flight is normal, not a leak to warn about.
  setMaxListeners(0, signal);
  const { caller } = input;
  let selectedProjectId: string | undefined;
  let binding: ProjectBinding | undefined;

  const bind = (): ProjectBinding => {
    if (binding !== undefined) return binding;
    const projectId = selectedProjectId ?? caller.defaultProjectId;
    const clients = caller.clientsFor(projectId);
    const scope = { projectId, signal, observeBatch: input.observeBatch, traceBatch: input.traceBatch };
    binding = {
      scope,
      numbers: { client: clients.numbers, loaders: createNumbersLoaders(clients.numbers, scope) },
      verification: { client: clients.verification, loaders: createVerificationLoaders(clients.verification, scope) },
      sipTrunking: { client: clients.sipTrunking, loaders: createSipTrunkingLoaders(clients.sipTrunking, scope) },
    };
    return binding;
  };

  const projectMembers: Pick<GatewayContext, 'selectProject' | 'scope' | 'numbers' | 'verification' | 'sipTrunking'> = {
    selectProject(projectId) {
      if (!caller.projectIds.has(projectId)) {
        throw new Error(`project ${projectId} is not one of the caller's projects`);
      }
      const current = binding?.scope.projectId ?? selectedProjectId;
      if (current !== undefined && current !== projectId) {
        throw new Error(`the request is already bound to project ${current}`);
      }
      selectedProjectId = projectId;
    },
    get scope() {
      return bind().scope;
    },
    get numbers() {
      return bind().numbers;
    },
    get verification() {
      return bind().verification;
    },
    get sipTrunking() {
      return bind().sipTrunking;
    },
  };
  // Apollo Server copies the context before executing (`Object.assign(Object.create(prototype),
  // context)`): getters of the context itself would run right then, binding the default project
  // before the operation could select one, and be copied as plain values. On the context's own
  // prototype they are not copied, and the copy, which keeps that prototype, shares them.
  const context: GatewayContext = Object.create(projectMembers) as GatewayContext;
  return Object.assign(context, { requestId: input.requestId, logger: input.logger, caller, provisioning: input.provisioning, cursors: input.cursors ?? processCursorSealer(), trace: input.trace });
}
