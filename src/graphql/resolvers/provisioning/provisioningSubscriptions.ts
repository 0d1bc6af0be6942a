import type { ProvisioningEventFilter, SubscriptionResolvers } from '../../../generated/graphql.js';
import type { ProvisioningEvent } from '../../../provisioning/ProvisioningEvent.js';
import { isNotFound } from '../../../upstream/numbers/isNotFound.js';
import { requireProvisioning } from './requireProvisioning.js';

const identity = (event: ProvisioningEvent) => event;

/**
 * The three subscriptions. Each resolves to a stream of the lifecycle's hub; the stream ends
 * (and unregisters, and releases the poller's watch) when the client unsubscribes, the socket
 * closes or the gateway drains. The first reads use the subscriber's own project binding and
 * credentials, like a query would.
 */
export const provisioningSubscriptions: Pick<SubscriptionResolvers, 'numberProvisioningChanged' | 'numberOrderChanged' | 'provisioningEvents'> = {
  numberProvisioningChanged: {
    subscribe: (_parent, { phoneNumber }, context) =>
      requireProvisioning(context).followNumber(context.scope.projectId, phoneNumber, () => context.numbers.client.getActiveNumber(context.scope, phoneNumber).catch(nullWhenNotFound)),
    resolve: identity,
  },
  numberOrderChanged: {
    subscribe: (_parent, { id }, context) =>
      requireProvisioning(context).followOrder(context.scope.projectId, id, () => context.numbers.client.getNumberOrder(context.scope, id).catch(nullWhenNotFound)),
    resolve: identity,
  },
  provisioningEvents: {
    subscribe: (_parent, { filter }, context) => requireProvisioning(context).observeProject(context.scope.projectId, matching(filter)),
    resolve: identity,
  },
};

/** Every list the filter gives must contain the event's value; an omitted or null list matches all. */
function matching(filter: ProvisioningEventFilter | null | undefined): (event: ProvisioningEvent) => boolean {
  const allows = <T>(list: readonly T[] | null | undefined, value: T) => list == null || list.includes(value);
  return (event) =>
    allows(filter?.resourceTypes, event.resourceType) &&
    allows(filter?.eventTypes, event.eventType) &&
    allows(filter?.statuses, event.status) &&
    allows(filter?.sources, event.source);
}

function nullWhenNotFound(error: unknown): null {
  if (isNotFound(error)) return null;
  throw error;
}
