import { context as contextApi, isSpanContextValid, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { GatewayTracing } from './GatewayTracing.js';
import { ATTR_PROVISIONING_EVENT_ID, ATTR_PROVISIONING_EVENT_STATUS, ATTR_PROVISIONING_EVENT_TYPE, ATTR_PROVISIONING_RESOURCE_TYPE } from './spanAttributes.js';

/** What a callback span may say of the callback: its kind and state, never the resource (a phone number). */
export interface CallbackToTrace {
  eventId: string;
  resourceType: string;
  eventType: string;
  status: string;
}

export const CALLBACK_SPAN_NAME = 'provisioning.callback';

/**
 * The processing of one verified Sinch callback (re-reading the resource, publishing the event)
 * as a CONSUMER span `provisioning.callback`, a child of the webhook request's span: it starts
 * after the 200 went out, so the request span ends first. The events it publishes carry its
 * `traceparent` (`withPublisherTrace`, applied by the event bus when an event is published), and every subscription that receives one records a
 * delivery span under it (traceSubscriptions.ts).
 */
export function traceCallbacks(tracing: GatewayTracing): <T>(callback: CallbackToTrace, handle: () => Promise<T>) => Promise<T> {
  return async (callback, handle) => {
    const attributes: Attributes = {};
    const copy = (value: string, attribute: string) => {
      if (/^[A-Za-z0-9_-]{1,64}$/.test(value)) attributes[attribute] = value;
    };
    copy(callback.eventId, ATTR_PROVISIONING_EVENT_ID);
    copy(callback.resourceType, ATTR_PROVISIONING_RESOURCE_TYPE);
    copy(callback.eventType, ATTR_PROVISIONING_EVENT_TYPE);
    copy(callback.status, ATTR_PROVISIONING_EVENT_STATUS);
    const { span, context } = tracing.start(CALLBACK_SPAN_NAME, { kind: SpanKind.CONSUMER, attributes });
    try {
      return await contextApi.with(context, handle);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  };
}

const propagator = new W3CTraceContextPropagator();

/**
 * `event` with the `traceparent` of the span active where it is published (a callback's
 * processing, a mutation, a poll), so that its deliveries join that trace, in this replica or
 * another one the event travels to. The event itself when no span is active: always, with
 * tracing off.
 */
export function withPublisherTrace<T extends object>(event: T): T {
  if (typeof (event as { traceparent?: unknown }).traceparent === 'string') return event;
  const active = contextApi.active();
  const spanContext = trace.getSpanContext(active);
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return event;
  const carrier: Record<string, string> = {};
  propagator.inject(active, carrier, { set: (target, key, value) => void (target[key] = value) });
  return carrier['traceparent'] === undefined ? event : { ...event, traceparent: carrier['traceparent'] };
}
