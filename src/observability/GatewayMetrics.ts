import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UpstreamCallEvent } from '../upstream/http/UpstreamHttpClient.js';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500];
/**
 * Operation names are chosen by clients: without a bound, a client sending a fresh name per
 * request would grow the registry (and every scrape) without limit. Names past this many
 * distinct ones, or longer than MAX_NAME_LENGTH, are counted as `other`.
 */
const MAX_OPERATION_NAMES = 200;
const MAX_NAME_LENGTH = 80;

export interface OperationObservation {
  /** The operation's name; `anonymous` when it has none, `unresolved` when it did not parse or validate. */
  name: string;
  type: string;
  /** `success`, or the `extensions.code` of the first error. */
  outcome: string;
  seconds: number;
}

/**
 * The gateway's Prometheus metrics, in a registry of its own (never prom-client's global one),
 * so one process can run many gateways (tests do) without their metrics mixing or clashing.
 * docs/operations.md lists every metric.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  private readonly operations = new Counter({
    name: 'gateway_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome (success, or the code of the first error).',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly operationDuration = new Histogram({
    name: 'gateway_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response.',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly compiledOperations = new Counter({
    name: 'gateway_graphql_compiled_operations_total',
    help: 'Operations compiled by graphql-jit: on a document\'s GRAPHQL_COMPILE_AFTER-th execution, and again when it returns after being dropped from the cache of 500 compiled documents.',
    registers: [this.registry],
  });
  private readonly trustedFastPath = new Counter({
    name: 'gateway_graphql_trusted_fast_path_operations_total',
    help: 'Trusted operations run on what was prepared at start-up, without Apollo Server\'s request pipeline (GRAPHQL_TRUSTED_FAST_PATH; docs/trusted-documents.md).',
    registers: [this.registry],
  });
  private readonly sharedReads = new Counter({
    name: 'gateway_upstream_shared_reads_total',
    help: 'GETs not sent because an identical one was in flight: they waited for its answer (UPSTREAM_SHARE_READS).',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });
  private readonly upstreamRequests = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'Calls to the Sinch APIs by service, method, route template, HTTP status (none when no response) and outcome (success or error code).',
    labelNames: ['service', 'method', 'route', 'status_code', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Duration of calls to the Sinch APIs, body included.',
    labelNames: ['service', 'method', 'route'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly batchSizes = new Histogram({
    name: 'gateway_dataloader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'] as const,
    buckets: BATCH_SIZE_BUCKETS,
    registers: [this.registry],
  });
  private readonly httpResponses = new Counter({
    name: 'gateway_http_responses_total',
    help: 'HTTP responses by method, route (unmatched for unknown paths) and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  private readonly circuits = new Gauge({
    name: 'gateway_upstream_circuit_state',
    help: 'Circuit breakers per Sinch service and state (closed, open, half-open): how many credential sets are in that state.',
    labelNames: ['service', 'state'] as const,
    registers: [this.registry],
  });
  /** Open GraphQL subscriptions (graphql-ws on `/graphql`), kept by the subscription server. */
  readonly activeSubscriptions = new Gauge({
    name: 'gateway_graphql_active_subscriptions',
    help: 'GraphQL subscriptions currently open.',
    registers: [this.registry],
  });

  private readonly storeUp = new Gauge({
    name: 'gateway_store_up',
    help: 'Whether the store of the limits shared by every replica answers: 1 when Redis is connected (always 1 for the in-process store), 0 while it is away and limited operations fail closed.',
    labelNames: ['store'] as const,
    registers: [this.registry],
  });
  private readonly storeRefusals = new Counter({
    name: 'gateway_store_unavailable_total',
    help: 'Limited operations refused with STORE_UNAVAILABLE because the shared store could not be reached.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  observeOperation(observation: OperationObservation): void {
    const labels = { operation_name: this.operationNameLabel(observation.name), operation_type: observation.type, outcome: observation.outcome };
    this.operations.inc(labels);
    this.operationDuration.observe(labels, observation.seconds);
  }

  observeTrustedFastPath(): void {
    this.trustedFastPath.inc();
  }

  observeCompiledOperation(): void {
    this.compiledOperations.inc();
  }

  observeSharedRead(service: string): void {
    this.sharedReads.inc({ service });
  }

  observeUpstreamCall(event: UpstreamCallEvent): void {
    const route = { service: event.service, method: event.method, route: event.route };
    this.upstreamRequests.inc({ ...route, status_code: event.statusCode === undefined ? 'none' : String(event.statusCode), outcome: event.error?.code ?? 'success' });
    this.upstreamDuration.observe(route, event.durationMs / 1000);
  }

  observeBatchSize(loader: string, size: number): void {
    this.batchSizes.observe({ loader }, size);
  }

  /** Sets the circuit gauge from the circuit states of every credential set in use. */
  observeCircuitStates(states: ReadonlyArray<Record<string, string>>): void {
    this.circuits.reset();
    for (const set of states) {
      for (const [service, state] of Object.entries(set)) {
        this.circuits.inc({ service, state });
      }
    }
  }

  observeStoreState(store: 'memory' | 'redis', up: boolean): void {
    this.storeUp.set({ store }, up ? 1 : 0);
  }

  observeStoreUnavailable(): void {
    this.storeRefusals.inc();
  }

  observeHttpResponse(method: string, route: string | undefined, statusCode: number): void {
    this.httpResponses.inc({ method, route: route ?? 'unmatched', status_code: String(statusCode) });
  }

  private operationNameLabel(name: string): string {
    if (this.operationNames.has(name)) return name;
    if (name.length > MAX_NAME_LENGTH || this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
