import { context as contextApi, isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * A pino `mixin`: the ids of the span active where a line is logged, as `trace_id` and `span_id`
 * (the names of the OpenTelemetry log data model), so a log line leads to its trace and back.
 * Installed only when tracing is on. A fresh object each time: pino merges the line into it.
 */
export function traceLogFields(): Record<string, string> {
  const spanContext = trace.getSpanContext(contextApi.active());
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
