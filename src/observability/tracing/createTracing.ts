import { OTLPTraceExporter as OtlpJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import type { Sampler } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { GatewayTracing } from './GatewayTracing.js';
import type { TracingConfig } from './readTracingConfig.js';

/**
 * The OpenTelemetry SDK as the `OTEL_*` variables describe it (read and validated in
 * `readTracingConfig`): spans batched (`OTEL_BSP_*`) to an OTLP/HTTP exporter, protobuf or JSON.
 * The exporter reads its own transport settings (`OTEL_EXPORTER_OTLP_HEADERS`, `…_TIMEOUT`,
 * `…_COMPRESSION`, certificates) from the environment as the SDK documents them. Nothing at all
 * is built when tracing is off.
 */
export function createTracing(config: TracingConfig): GatewayTracing | undefined {
  if (!config.enabled) return undefined;
  const exporter = config.protocol === 'http/json' ? new OtlpJsonTraceExporter({ url: config.tracesUrl }) : new OtlpProtobufTraceExporter({ url: config.tracesUrl });
  const provider = new NodeTracerProvider({
    // OTEL_RESOURCE_ATTRIBUTES (the SDK's env detector), then the service name.
    resource: defaultResource().merge(detectResources({ detectors: [envDetector] })).merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName })),
    sampler: samplerOf(config.sampler),
    spanProcessors: [new BatchSpanProcessor(exporter, config.batch)],
  });
  return new GatewayTracing(provider);
}

function samplerOf(sampler: Extract<TracingConfig, { enabled: true }>['sampler']): Sampler {
  switch (sampler.name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(sampler.ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampler.ratio) });
  }
}
