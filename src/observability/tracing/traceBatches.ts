import { context as contextApi, SpanStatusCode } from '@opentelemetry/api';
import type { GatewayTracing } from './GatewayTracing.js';
import { ATTR_DATALOADER_BATCH_SIZE, ATTR_DATALOADER_NAME } from './spanAttributes.js';

/**
 * DataLoader batches as INTERNAL spans `dataloader.batch numbers.activeNumber` with their size
 * (`dataloader.batch.size`): the upstream calls a batch makes are its children, so a trace shows
 * which calls one tick of resolvers gathered. A batch is a child of the span that first asked
 * for one of its keys (the operation, or another batch).
 */
export function traceBatches(tracing: GatewayTracing): <T>(loaderName: string, size: number, batch: () => PromiseLike<T>) => PromiseLike<T> {
  return (loaderName, size, batch) => {
    const { span, context } = tracing.start(`dataloader.batch ${loaderName}`, { attributes: { [ATTR_DATALOADER_NAME]: loaderName, [ATTR_DATALOADER_BATCH_SIZE]: size } });
    let result: PromiseLike<unknown>;
    try {
      result = contextApi.with(context, batch);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      throw error;
    }
    return result.then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        span.setStatus({ code: SpanStatusCode.ERROR, message: codeOf(error) });
        span.end();
        throw error;
      },
    ) as ReturnType<typeof batch>;
  };
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
