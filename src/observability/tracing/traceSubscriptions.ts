import { context as contextApi, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { Attributes, Span } from '@opentelemetry/api';
import { createSourceEventStream, execute, subscribe } from 'graphql';
import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLError, OperationDefinitionNode } from 'graphql';
import { documentHash } from './documentHash.js';
import type { GatewayTracing } from './GatewayTracing.js';
import { recordErrors } from './graphqlTracingPlugin.js';
import type { OperationTrace } from './OperationTrace.js';
import {
  ATTR_GRAPHQL_DOCUMENT_HASHED,
  ATTR_GRAPHQL_DOCUMENT_SHA256,
  ATTR_GRAPHQL_OPERATION_NAME,
  ATTR_GRAPHQL_OPERATION_TYPE,
  ATTR_PROVISIONING_EVENT_ID,
  ATTR_PROVISIONING_EVENT_SOURCE,
  ATTR_PROVISIONING_EVENT_STATUS,
  ATTR_PROVISIONING_EVENT_TYPE,
  ATTR_PROVISIONING_RESOURCE_TYPE,
} from './spanAttributes.js';

export interface SubscriptionToTrace {
  query: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** `traceparent` / `tracestate` of the connection: its `connectionParams` first, then the upgrade request's headers. */
  carrier: Record<string, string | string[] | undefined>;
}

export interface TracedSubscription {
  /** For the subscription's `GatewayContext`: what its first reads and its events run under. */
  trace: OperationTrace;
  /** The subscription is over (completed by either side, or its socket gone). */
  end(): void;
}

export interface SubscriptionTracing {
  start(subscription: SubscriptionToTrace): TracedSubscription;
  /** graphql-js's `subscribe`, with the source stream created in the subscription's span and each event executed in a delivery span. */
  subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
}

/** The span name of one event delivered to one subscription. */
export const DELIVERY_SPAN_NAME = 'provisioning.deliver';

/**
 * Subscriptions over graphql-ws, traced:
 *
 * - one SERVER span per subscription, `subscription NumberProvisioningChanged`, from the moment it
 *   is accepted until it ends, continuing a `traceparent` the client put in its `connectionParams`
 *   (browsers cannot set WebSocket headers) or on the upgrade request. Its first read of the
 *   resource is a child.
 * - one CONSUMER span `provisioning.deliver` per event the subscription receives, covering the
 *   execution of its selection set (with any upstream call that needs). It is a child of the span
 *   that published the event (the callback's processing, the mutation, the poll: the event's
 *   `traceparent`, so a callback's trace shows every delivery it caused) and LINKS to the
 *   subscription span that received it. An event published outside any trace is a child of the
 *   subscription span itself.
 */
export function traceSubscriptions(tracing: GatewayTracing): SubscriptionTracing {
  const spans = new WeakMap<OperationTrace, Span>();
  return {
    start({ query, document, operation, carrier }) {
      const name = operation.name?.value;
      const hash = documentHash(query, document, undefined);
      const attributes: Attributes = {
        [ATTR_GRAPHQL_OPERATION_TYPE]: 'subscription',
        [ATTR_GRAPHQL_DOCUMENT_SHA256]: hash.sha256,
        [ATTR_GRAPHQL_DOCUMENT_HASHED]: hash.hashed,
      };
      if (name !== undefined) attributes[ATTR_GRAPHQL_OPERATION_NAME] = name;
      const { span, context } = tracing.start(name === undefined ? 'subscription' : `subscription ${name}`, { kind: SpanKind.SERVER, attributes }, tracing.extract(carrier, ROOT_CONTEXT));
      const holder: OperationTrace = { context };
      spans.set(holder, span);
      return { trace: holder, end: () => span.end() };
    },

    async subscribe(args) {
      const holder = (args.contextValue as { trace?: OperationTrace } | undefined)?.trace;
      const subscriptionSpan = holder === undefined ? undefined : spans.get(holder);
      if (holder === undefined || subscriptionSpan === undefined) return subscribe(args);
      const source = await contextApi.with(holder.context, () => createSourceEventStream(args));
      if (!isAsyncIterable(source)) {
        recordErrors(subscriptionSpan, source.errors?.map(formattedCode));
        return source;
      }
      return deliverEach(source, async (event) => {
        const published = publishedContext(tracing, event);
        const { span, context } = tracing.start(
          DELIVERY_SPAN_NAME,
          { kind: SpanKind.CONSUMER, links: [{ context: subscriptionSpan.spanContext() }], attributes: eventAttributes(event) },
          published ?? holder.context,
        );
        try {
          const result = await contextApi.with(context, () => execute({ ...args, rootValue: event }));
          recordErrors(span, result.errors?.map(formattedCode));
          return result;
        } finally {
          span.end();
        }
      });
    },
  };
}

/** The context of the span that published `event`, from the `traceparent` the hub stamped on it. */
function publishedContext(tracing: GatewayTracing, event: unknown): ReturnType<GatewayTracing['extract']> | undefined {
  const traceparent = (event as { traceparent?: unknown } | null)?.traceparent;
  if (typeof traceparent !== 'string') return undefined;
  const context = tracing.extract({ traceparent }, ROOT_CONTEXT);
  return trace.getSpanContext(context) === undefined ? undefined : context;
}

/** What a delivery span says of its event: kinds and states, never the phone number or the resource. */
function eventAttributes(event: unknown): Attributes {
  const fields = (event ?? {}) as Record<string, unknown>;
  const attributes: Attributes = {};
  const copy = (key: string, attribute: string) => {
    const value = fields[key];
    if (typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value)) attributes[attribute] = value;
  };
  copy('eventId', ATTR_PROVISIONING_EVENT_ID);
  copy('eventType', ATTR_PROVISIONING_EVENT_TYPE);
  copy('status', ATTR_PROVISIONING_EVENT_STATUS);
  copy('source', ATTR_PROVISIONING_EVENT_SOURCE);
  copy('resourceType', ATTR_PROVISIONING_RESOURCE_TYPE);
  return attributes;
}

/** A raw execution error's code as formatError will show it: its own extension, or its original error's code. */
function formattedCode(error: GraphQLError): { message: string; extensions: { code: string } } {
  const own = error.extensions['code'];
  const original = (error.originalError as { code?: unknown } | undefined)?.code;
  const code = typeof own === 'string' ? own : typeof original === 'string' ? original : 'INTERNAL_SERVER_ERROR';
  return { message: '', extensions: { code } };
}

/**
 * Maps every value of `source` through `deliver`. A hand-written iterator rather than an async
 * generator: a generator waiting for the next event could not be returned (unsubscribed) until
 * one came, and a quiet subscription would never release its stream.
 */
function deliverEach(
  source: AsyncIterable<unknown> | ExecutionResult,
  deliver: (event: unknown) => Promise<ExecutionResult> | ExecutionResult,
): AsyncIterableIterator<ExecutionResult> | ExecutionResult {
  if (!isAsyncIterable(source)) return source;
  const iterator = source[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await iterator.next();
      return step.done === true ? { value: undefined, done: true } : { value: await deliver(step.value), done: false };
    },
    async return() {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
