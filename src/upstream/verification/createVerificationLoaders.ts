import type { VerificationClient } from './VerificationClient.js';
import type { LoaderScope } from '../LoaderScope.js';

/** The per-request DataLoaders of the Verification API. Placeholder until the domain lands. */
export type VerificationLoaders = Record<string, never>;

export function createVerificationLoaders(_client: VerificationClient, _scope: LoaderScope): VerificationLoaders {
  return {};
}
