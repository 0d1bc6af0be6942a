import type { NumbersClient } from './NumbersClient.js';
import type { LoaderScope } from '../LoaderScope.js';

/** The per-request DataLoaders of the Numbers API. Placeholder until the domain lands. */
export type NumbersLoaders = Record<string, never>;

export function createNumbersLoaders(_client: NumbersClient, _scope: LoaderScope): NumbersLoaders {
  return {};
}
