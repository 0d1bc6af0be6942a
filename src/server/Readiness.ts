/** Where the gateway is in its life; only `ready` takes traffic. */
export type GatewayPhase = 'starting' | 'ready' | 'draining' | 'stopped';

/** A condition outside the gateway's own life that makes it unfit for traffic (later: every upstream circuit open). */
export interface ReadinessCheck {
  name: string;
  isReady(): boolean;
}

/**
 * What `/ready` answers. The phase is the gateway's own; checks are composed in by whoever owns
 * the condition (`readiness.addCheck({ name: 'upstream circuits', isReady: () => ... })`), so
 * the health route does not need to know about circuits, pools or anything added later.
 */
export class Readiness {
  private current: GatewayPhase = 'starting';
  private readonly checks: ReadinessCheck[] = [];
  private readonly details = new Map<string, () => string>();

  get phase(): GatewayPhase {
    return this.current;
  }

  enter(phase: GatewayPhase): void {
    this.current = phase;
  }

  addCheck(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  /**
   * A fact `/ready` shows without letting it decide readiness (how provisioning events are
   * shared, for instance: a Redis outage must not take every replica out of the load balancer).
   */
  addDetail(name: string, read: () => string): void {
    this.details.set(name, read);
  }

  /** The details' current values; empty when none was added. */
  currentDetails(): Record<string, string> {
    return Object.fromEntries([...this.details].map(([name, read]) => [name, read()]));
  }

  /** Why the gateway is not ready (its phase, or the name of a failing check); undefined when it is. */
  notReadyReason(): string | undefined {
    if (this.current !== 'ready') {
      return this.current;
    }
    return this.checks.find((check) => !check.isReady())?.name;
  }
}
