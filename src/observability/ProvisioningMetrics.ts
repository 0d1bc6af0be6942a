import { Counter, Gauge, type Registry } from 'prom-client';
import type { CallbackOutcome } from '../webhooks/registerNumbersWebhook.js';

/**
 * Metrics of callbacks, of the provisioning events shared between replicas and of the polling
 * leases (docs/operations.md), in the gateway's own registry.
 */
export class ProvisioningMetrics {
  private readonly callbacks: Counter<'outcome'>;
  private readonly published: Counter<'path'>;
  private readonly relayed: Counter;
  readonly eventBusConnected: Gauge;
  readonly pollLeasesHeld: Gauge;
  private readonly pollsSkipped: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.callbacks = new Counter({
      name: 'gateway_webhook_callbacks_total',
      help: 'Numbers callbacks by outcome: accepted, duplicate (this replica or another claimed it), too_old, ahead_of_clock, dedupe_unavailable (503, Redis away), refused (signature, payload, secret).',
      labelNames: ['outcome'] as const,
      registers,
    });
    this.published = new Counter({
      name: 'gateway_provisioning_events_published_total',
      help: 'Provisioning events this replica learnt of (callback, mutation, poll), by path: shared (through Redis, to every replica) or local (this replica only: no REDIS_URL, or Redis away).',
      labelNames: ['path'] as const,
      registers,
    });
    this.relayed = new Counter({
      name: 'gateway_provisioning_events_relayed_total',
      help: 'Provisioning events learnt by another replica and delivered to this replica\'s subscribers.',
      registers,
    });
    this.eventBusConnected = new Gauge({
      name: 'gateway_provisioning_event_bus_connected',
      help: '1 while this replica reads the shared provisioning event stream in Redis, 0 otherwise (no REDIS_URL, or Redis away: events stay local).',
      registers,
    });
    this.pollLeasesHeld = new Gauge({
      name: 'gateway_provisioning_poll_leases_held',
      help: 'Watched numbers this replica polls for every replica (it holds their polling lease in Redis).',
      registers,
    });
    this.pollsSkipped = new Counter({
      name: 'gateway_provisioning_polls_skipped_total',
      help: 'Polls this replica did not send because another replica holds the number\'s polling lease.',
      registers,
    });
  }

  observeCallback(outcome: CallbackOutcome): void {
    this.callbacks.inc({ outcome });
  }

  observePublished(path: 'shared' | 'local'): void {
    this.published.inc({ path });
  }

  observeRelayed(): void {
    this.relayed.inc();
  }

  observePollSkipped(): void {
    this.pollsSkipped.inc();
  }
}
