import { z } from 'zod';

export type OtlpProtocol = 'http/protobuf' | 'http/json';

export type TracesSamplerName = 'always_on' | 'always_off' | 'traceidratio' | 'parentbased_always_on' | 'parentbased_always_off' | 'parentbased_traceidratio';

/** What the OpenTelemetry variables say; `enabled: false` builds no SDK at all (docs/operations.md, "Traces"). */
export type TracingConfig =
  | { enabled: false }
  | {
      enabled: true;
      /** The full URL spans are POSTed to (`…/v1/traces`). */
      tracesUrl: string;
      protocol: OtlpProtocol;
      serviceName: string;
      sampler: { name: TracesSamplerName; ratio: number };
      batch: { scheduledDelayMillis: number; exportTimeoutMillis: number; maxQueueSize: number; maxExportBatchSize: number };
    };

const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

const httpUrl = z.string().refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), { message: 'must be an http(s) URL' });
const nonNegativeInteger = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const positiveInteger = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const tracingSchema = z.object({
  OTEL_SDK_DISABLED: z.string().transform((value) => value.trim().toLowerCase()).pipe(z.enum(['true', 'false'], { message: 'must be true or false' })).optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none'], { message: 'must be otlp or none (the gateway exports traces over OTLP/HTTP only)' }).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/protobuf', 'http/json'], { message: 'must be http/protobuf or http/json (grpc is not supported)' }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.enum(['http/protobuf', 'http/json'], { message: 'must be http/protobuf or http/json (grpc is not supported)' }).optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(256).default('sinch-graphql-gateway'),
  OTEL_TRACES_SAMPLER: z.enum(SAMPLERS, { message: `must be one of ${SAMPLERS.join(', ')}` }).default('parentbased_always_on'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0, { message: 'must be a ratio from 0 to 1' }).max(1, { message: 'must be a ratio from 0 to 1' }).optional(),
  OTEL_BSP_SCHEDULE_DELAY: nonNegativeInteger(5_000),
  OTEL_BSP_EXPORT_TIMEOUT: positiveInteger(30_000),
  OTEL_BSP_MAX_QUEUE_SIZE: positiveInteger(2_048),
  OTEL_BSP_MAX_EXPORT_BATCH_SIZE: positiveInteger(512),
});

/**
 * The standard OpenTelemetry SDK variables, validated with the rest of the configuration (a bad
 * value is listed among the start-up problems instead of being ignored by the SDK). Tracing is on
 * when an OTLP endpoint is set (or `OTEL_TRACES_EXPORTER=otlp`, which means the spec's default
 * `http://localhost:4318`), unless `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`.
 */
export function readTracingConfig(present: Record<string, string>, problems: string[]): TracingConfig {
  const parsed = tracingSchema.safeParse(present);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    return { enabled: false };
  }
  const env = parsed.data;
  const configured = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined || env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined || env.OTEL_TRACES_EXPORTER === 'otlp';
  if (!configured || env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') {
    return { enabled: false };
  }
  if (env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE > env.OTEL_BSP_MAX_QUEUE_SIZE) {
    problems.push('OTEL_BSP_MAX_EXPORT_BATCH_SIZE: must not exceed OTEL_BSP_MAX_QUEUE_SIZE');
  }
  return {
    enabled: true,
    // The signal-specific endpoint is used as it is; the general one is a base the signal's path is appended to.
    tracesUrl: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318').replace(/\/+$/, '')}/v1/traces`,
    protocol: env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf',
    serviceName: env.OTEL_SERVICE_NAME,
    sampler: { name: env.OTEL_TRACES_SAMPLER, ratio: env.OTEL_TRACES_SAMPLER_ARG ?? 1 },
    batch: {
      scheduledDelayMillis: env.OTEL_BSP_SCHEDULE_DELAY,
      exportTimeoutMillis: env.OTEL_BSP_EXPORT_TIMEOUT,
      maxQueueSize: env.OTEL_BSP_MAX_QUEUE_SIZE,
      maxExportBatchSize: env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE,
    },
  };
}
