import type { Context } from '@opentelemetry/api';

/**
 * The trace context one GraphQL request runs in, carried by its `GatewayContext`: the server
 * span's (or the subscription's) at first, then its operation span's once the tracing plugin has
 * started it. A holder object, because Apollo Server copies the context value it is given.
 */
export interface OperationTrace {
  context: Context;
}
