import type { SipTrunkingClient } from './SipTrunkingClient.js';
import type { LoaderScope } from '../LoaderScope.js';

/** The per-request DataLoaders of the SipTrunking API. Placeholder until the domain lands. */
export type SipTrunkingLoaders = Record<string, never>;

export function createSipTrunkingLoaders(_client: SipTrunkingClient, _scope: LoaderScope): SipTrunkingLoaders {
  return {};
}
