import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { GatewayTracing } from '../../src/observability/tracing/GatewayTracing.js';

export interface InMemoryTracing {
  tracing: GatewayTracing;
  exporter: InMemorySpanExporter;
  /** Every finished span so far. */
  spans(): ReadableSpan[];
  /** Finished spans of one trace. */
  trace(traceId: string): ReadableSpan[];
  /** Waits (bounded) until `predicate` holds for the finished spans: some end after the response. */
  until(predicate: (spans: ReadableSpan[]) => boolean, timeoutMs?: number): Promise<ReadableSpan[]>;
}

/** The gateway's tracing over the SDK's in-memory exporter, every span exported as it ends. */
export function inMemoryTracing(): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const spans = () => exporter.getFinishedSpans();
  return {
    tracing: new GatewayTracing(provider),
    exporter,
    spans,
    trace: (traceId) => spans().filter((span) => span.spanContext().traceId === traceId),
    async until(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(spans())) {
        if (Date.now() > deadline) throw new Error(`spans never matched; finished: ${spans().map((span) => span.name).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return spans();
    },
  };
}
