import type { Logger } from 'pino';
import type { UpstreamClients } from '../upstream/UpstreamClients.js';
import { createNumbersLoaders } from '../upstream/numbers/createNumbersLoaders.js';
import { createVerificationLoaders } from '../upstream/verification/createVerificationLoaders.js';
import { createSipTrunkingLoaders } from '../upstream/sipTrunking/createSipTrunkingLoaders.js';
import type { GatewayContext } from './GatewayContext.js';

export interface ContextInput {
  clients: UpstreamClients;
  projectId: string;
  requestId: string;
  logger: Logger;
  signal: AbortSignal;
}

/** Builds the per-request context: fresh loaders over the shared, long-lived clients. */
export function createContext(input: ContextInput): GatewayContext {
  const scope = { projectId: input.projectId, signal: input.signal };
  const { clients } = input;
  return {
    requestId: input.requestId,
    logger: input.logger,
    scope,
    numbers: { client: clients.numbers, loaders: createNumbersLoaders(clients.numbers, scope) },
    verification: { client: clients.verification, loaders: createVerificationLoaders(clients.verification, scope) },
    sipTrunking: { client: clients.sipTrunking, loaders: createSipTrunkingLoaders(clients.sipTrunking, scope) },
  };
}
