import DataLoader from 'dataloader';
import { measuredBatch } from '../measuredBatch.js';
import type { LoaderScope } from '../LoaderScope.js';
import { UpstreamError } from '../UpstreamError.js';
import type { VerificationClient } from './VerificationClient.js';
import type { ReportMethodWire, StatusResponseFields } from './verificationWire.js';

/** A status lookup by identity: the method and the E.164 number. */
export interface IdentityKey {
  method: ReportMethodWire;
  phoneNumber: string;
}

/**
 * The per-request DataLoaders of the Verification API: status reads only. Each resolves to
 * null when Sinch answers 404, so a lookup of an unknown id is `null`, not an error.
 *
 * The API has no batch endpoint, so a batch is one call per distinct key; the loaders exist to
 * deduplicate within one operation (the same verification asked for by two fields is fetched
 * once). Reports never go through a loader: a one-time code must never be cached or shared.
 */
export interface VerificationLoaders {
  byId: DataLoader<string, StatusResponseFields | null>;
  byReference: DataLoader<string, StatusResponseFields | null>;
  byIdentity: DataLoader<IdentityKey, StatusResponseFields | null, string>;
}

export function createVerificationLoaders(client: VerificationClient, scope: LoaderScope): VerificationLoaders {
  return {
    byId: new DataLoader(measuredBatch(scope, 'verification.byId', (ids: readonly string[]) => eachKey(ids, (id) => client.statusById(id, scope.signal)))),
    byReference: new DataLoader(
      measuredBatch(scope, 'verification.byReference', (references: readonly string[]) => eachKey(references, (reference) => client.statusByReference(reference, scope.signal))),
    ),
    byIdentity: new DataLoader(
      measuredBatch(scope, 'verification.byIdentity', (keys: readonly IdentityKey[]) => eachKey(keys, (key) => client.statusByIdentity(key.method, key.phoneNumber, scope.signal))),
      { cacheKeyFn: (key) => `${key.method}:${key.phoneNumber}` },
    ),
  };
}

/** One value, null (404) or Error per key, in key order, as DataLoader requires. */
async function eachKey<K>(
  keys: readonly K[],
  load: (key: K) => Promise<StatusResponseFields>,
): Promise<Array<StatusResponseFields | null | Error>> {
  return Promise.all(
    keys.map(async (key) => {
      try {
        return await load(key);
      } catch (error) {
        if (error instanceof UpstreamError && error.code === 'NOT_FOUND') return null;
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
}
