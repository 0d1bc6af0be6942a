import DataLoader from 'dataloader';
import type { LoaderScope } from '../../LoaderScope.js';
import type { SipTrunkingClient } from '../SipTrunkingClient.js';
import type { SipTrunk } from '../SipTrunkingModels.js';
import { asError, nullWhenNotFound } from './loaderResults.js';
import { measuredBatch } from '../../measuredBatch.js';

/**
 * How many distinct trunk ids one batch needs before the loader lists every trunk of the
 * project (`GET /trunks`, 500 per page) instead of getting each one. Measured against the
 * simulator (docs/sip-trunking.md, "Loader rules"): from 3 ids on, one list call is never
 * slower than the parallel gets and saves calls against the rate limit.
 */
export const TRUNK_LIST_THRESHOLD = 3;

/**
 * Trunks by id; null when the trunk does not exist (404 or absent from the list). One batch
 * is either N parallel GETs or one paged list, whichever the threshold says; either way every
 * key gets exactly one value or Error, in key order.
 */
export function createTrunkLoader(client: SipTrunkingClient, scope: LoaderScope, listThreshold = TRUNK_LIST_THRESHOLD): DataLoader<string, SipTrunk | null> {
  return new DataLoader<string, SipTrunk | null>(measuredBatch(scope, 'sipTrunking.trunk', async (ids) => {
    if (ids.length >= listThreshold) {
      try {
        const trunks = new Map((await client.trunks.listAll(scope)).map((trunk) => [trunk.id, trunk]));
        return ids.map((id) => trunks.get(id) ?? null);
      } catch (error) {
        const failure = asError(error);
        return ids.map(() => failure);
      }
    }
    return Promise.all(ids.map((id) => client.trunks.get(scope, id).then((trunk): SipTrunk | null => trunk, nullWhenNotFound)));
  }));
}
