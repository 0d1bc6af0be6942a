import type { GatewayMetrics } from '../observability/GatewayMetrics.js';
import type { UpstreamClients } from '../upstream/UpstreamClients.js';
import type { CircuitState } from '../upstream/resilience/CircuitState.js';
import type { UpstreamService } from '../upstream/UpstreamService.js';
import type { Readiness } from './Readiness.js';

const API_SERVICES = ['NUMBERS', 'SIP_TRUNKING', 'VERIFICATION'] as const;

/**
 * Follows the circuit breakers of every set of upstream clients the gateway creates (one per
 * credential: the default project and each tenant project). Circuit states feed the
 * `gateway_upstream_circuit_state` gauge, and `/ready` answers 503 when no API can be reached in
 * any set: such a replica can answer nothing but UPSTREAM_UNAVAILABLE, so the load balancer
 * should prefer others. One open service is not enough to leave the pool: partial answers are
 * still answers. Numbers and SIP Trunking cannot be reached while the token endpoint's circuit
 * is open, whatever their own circuits say.
 */
export function trackUpstreamCircuits(readiness: Readiness, metrics: GatewayMetrics): (clients: UpstreamClients) => UpstreamClients {
  const sets = new Set<UpstreamClients>();
  const publish = () => metrics.observeCircuitStates([...sets].map((clients) => clients.circuitStates()));

  readiness.addCheck({
    name: 'every upstream circuit is open',
    isReady: () => sets.size === 0 || [...sets].some((clients) => API_SERVICES.some((service) => usable(clients.circuitStates(), service))),
  });

  return (clients) => {
    if (!sets.has(clients)) {
      sets.add(clients);
      clients.onCircuitStateChange(publish);
      publish();
    }
    return clients;
  };
}

function usable(states: Record<UpstreamService, CircuitState>, service: (typeof API_SERVICES)[number]): boolean {
  const needsToken = service !== 'VERIFICATION';
  return states[service] !== 'open' && !(needsToken && states.AUTH === 'open');
}
