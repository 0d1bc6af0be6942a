import { context as contextApi, trace } from '@opentelemetry/api';
import type { Context, Span, SpanOptions, Tracer, TracerProvider } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** A tracer provider the gateway can flush and stop (the SDK's; tests pass one over an in-memory exporter). */
export interface ShutdownableTracerProvider extends TracerProvider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

const TRACER_NAME = 'sinch-graphql-gateway';
/** The longest the final export may hold a shutdown. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

/**
 * The gateway's tracing when it is on: one tracer, the W3C trace-context propagator, and the
 * process's AsyncLocalStorage context manager. Every piece that records spans takes this object
 * explicitly (none looks up a global tracer provider), so tests run gateways with their own
 * in-memory exporters side by side; only the context manager is process-wide, as it must be.
 *
 * When tracing is off there is no `GatewayTracing` at all: each hook is an `undefined` check,
 * no context manager is installed and no span object is ever created (docs/benchmarks.md).
 */
export class GatewayTracing {
  readonly tracer: Tracer;
  readonly propagator = new W3CTraceContextPropagator();
  readonly #provider: ShutdownableTracerProvider;

  constructor(provider: ShutdownableTracerProvider) {
    installContextManager();
    this.#provider = provider;
    this.tracer = provider.getTracer(TRACER_NAME);
  }

  /** The context an incoming `traceparent` / `tracestate` continues; the root context without one (or with a malformed one). */
  extract(headers: Record<string, string | string[] | undefined>, base: Context = contextApi.active()): Context {
    return this.propagator.extract(base, headers, HEADER_GETTER);
  }

  /** Writes `traceparent` (and `tracestate`) of the span active in `context` into `headers`. */
  inject(headers: Record<string, string>, context: Context = contextApi.active()): void {
    this.propagator.inject(context, headers, HEADER_SETTER);
  }

  /** Starts a span under `parent` (the active context by default) and returns it with the context it is active in. */
  start(name: string, options: SpanOptions, parent: Context = contextApi.active()): { span: Span; context: Context } {
    const span = this.tracer.startSpan(name, options, parent);
    return { span, context: trace.setSpan(parent, span) };
  }

  /**
   * Exports what is buffered; called on shutdown, after the last request. A collector that does
   * not answer holds the exit for `timeoutMs` at most (the spans still buffered are then lost).
   */
  async shutdown(timeoutMs = SHUTDOWN_TIMEOUT_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    const flushed = this.#provider
      .forceFlush()
      .catch(() => undefined)
      .then(() => this.#provider.shutdown())
      .catch(() => undefined);
    await Promise.race([flushed, gaveUp]);
    clearTimeout(timer);
  }
}

let contextManagerInstalled = false;

/** The AsyncLocalStorage context manager, once per process; an application's own manager, if set first, is kept. */
function installContextManager(): void {
  if (contextManagerInstalled) return;
  contextManagerInstalled = true;
  const manager = new AsyncLocalStorageContextManager();
  if (contextApi.setGlobalContextManager(manager.enable())) return;
  manager.disable();
}

const HEADER_GETTER = {
  keys: (carrier: Record<string, string | string[] | undefined>) => Object.keys(carrier),
  get: (carrier: Record<string, string | string[] | undefined>, key: string) => carrier[key.toLowerCase()],
};

const HEADER_SETTER = {
  set: (carrier: Record<string, string>, key: string, value: string) => {
    carrier[key] = value;
  },
};
