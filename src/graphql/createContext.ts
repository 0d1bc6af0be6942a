import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { OperationTrace } from '../observability/tracing/OperationTrace.js';
import type { BatchObserver } from '../upstream/measuredBatch.js';
import type { Caller } from '../tenancy/Caller.js';
import type { UpstreamClients } from '../upstream/UpstreamClients.js';
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
  return new RequestContext(input, signal);
}

/** What a request's context and Apollo Server's copy of it share: the project choice and its loaders. */
interface Binding {
  readonly input: ContextInput;
  readonly signal: AbortSignal;
  selectedProjectId: string | undefined;
  bound: Bound | undefined;
}

/** The project a request is bound to, its clients, and the loaders of each service it has used. */
interface Bound {
  scope: ProjectBinding['scope'];
  clients: UpstreamClients;
  numbers: ProjectBinding['numbers'] | undefined;
  verification: ProjectBinding['verification'] | undefined;
  sipTrunking: ProjectBinding['sipTrunking'] | undefined;
}

/**
 * One class for every request rather than an object of closures and getters built per request
 * (about 9 % of the CPU of a trusted operation: bench/profile.md, third round).
 *
 * Apollo Server copies the context before executing (`Object.assign(Object.create(prototype),
 * context)`): the copy keeps this prototype, so the getters below are not copied as values (they
 * would bind the default project before the operation could select one), and it shares the one
 * `binding` object with the original, so a project selected on either is the project of both.
 */
class RequestContext implements GatewayContext {
  readonly requestId: string;
  readonly logger: ContextInput['logger'];
  readonly caller: ContextInput['caller'];
  readonly provisioning: ContextInput['provisioning'];
  readonly cursors: CursorSealer;
  readonly trace: OperationTrace | undefined;
  readonly binding: Binding;

  constructor(input: ContextInput, signal: AbortSignal) {
    this.requestId = input.requestId;
    this.logger = input.logger;
    this.caller = input.caller;
    this.provisioning = input.provisioning;
    this.cursors = input.cursors ?? processCursorSealer();
    this.trace = input.trace;
    this.binding = { input, signal, selectedProjectId: undefined, bound: undefined };
  }

  selectProject(projectId: string): void {
    if (!this.caller.projectIds.has(projectId)) {
      throw new Error(`project ${projectId} is not one of the caller's projects`);
    }
    const { binding } = this;
    const current = binding.bound?.scope.projectId ?? binding.selectedProjectId;
    if (current !== undefined && current !== projectId) {
      throw new Error(`the request is already bound to project ${current}`);
    }
    binding.selectedProjectId = projectId;
  }

  get scope(): ProjectBinding['scope'] {
    return bind(this.binding).scope;
  }

  // Each service's loaders are built the first time the request uses that service.
  get numbers(): ProjectBinding['numbers'] {
    const bound = bind(this.binding);
    return (bound.numbers ??= { client: bound.clients.numbers, loaders: createNumbersLoaders(bound.clients.numbers, bound.scope) });
  }

  get verification(): ProjectBinding['verification'] {
    const bound = bind(this.binding);
    return (bound.verification ??= { client: bound.clients.verification, loaders: createVerificationLoaders(bound.clients.verification, bound.scope) });
  }

  get sipTrunking(): ProjectBinding['sipTrunking'] {
    const bound = bind(this.binding);
    return (bound.sipTrunking ??= { client: bound.clients.sipTrunking, loaders: createSipTrunkingLoaders(bound.clients.sipTrunking, bound.scope) });
  }
}

function bind(binding: Binding): Bound {
  if (binding.bound !== undefined) return binding.bound;
  const { input, signal } = binding;
  const projectId = binding.selectedProjectId ?? input.caller.defaultProjectId;
  binding.bound = {
    scope: { projectId, signal, observeBatch: input.observeBatch, traceBatch: input.traceBatch },
    clients: input.caller.clientsFor(projectId),
    numbers: undefined,
    verification: undefined,
    sipTrunking: undefined,
  };
  return binding.bound;
}
