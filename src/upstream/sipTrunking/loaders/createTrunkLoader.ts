import DataLoader from 'dataloader';
import type { LoaderScope } from '../../LoaderScope.js';
import type { SipTrunkingClient } from '../SipTrunkingClient.js';
import type { SipTrunk } from '../SipTrunkingModels.js';
import { trunkSegment } from '../api/TrunksApi.js';
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
 *
 * Every key is checked against the ID pattern before the branch is chosen. The GET branch
 * would refuse a bad id anyway (it cannot become a path), but the list branch never builds a
 * path from it, so without this check `../../x` batched with two good ids quietly answered
 * null where alone it answered BAD_USER_INPUT: the answer must not depend on the batch.
 * A bad key's error names the argument `trunkId`; resolvers whose argument has another name
 * (`sipTrunk(id:)`) check it themselves first, under their own name.
 */
export function createTrunkLoader(client: SipTrunkingClient, scope: LoaderScope, listThreshold = TRUNK_LIST_THRESHOLD): DataLoader<string, SipTrunk | null> {
  return new DataLoader<string, SipTrunk | null>(measuredBatch(scope, 'sipTrunking.trunk', async (ids) => {
    const invalid = new Map(ids.flatMap((id) => {
      const error = invalidTrunkId(id);
      return error === undefined ? [] : [[id, error] as const];
    }));
    const validIds = ids.filter((id) => !invalid.has(id));
    const loaded = await loadTrunks(validIds);
    const byId = new Map(validIds.map((id, index) => [id, loaded[index] ?? null]));
    return ids.map((id) => invalid.get(id) ?? byId.get(id) ?? null);
  }));

  function loadTrunks(ids: readonly string[]): Promise<Array<SipTrunk | null | Error>> {
    if (ids.length === 0) return Promise.resolve([]);
    return ids.length >= listThreshold ? listTrunks(ids) : getTrunks(ids);
  }

  async function listTrunks(ids: readonly string[]): Promise<Array<SipTrunk | null | Error>> {
    try {
      const trunks = new Map((await client.trunks.listAll(scope)).map((trunk) => [trunk.id, trunk]));
      return ids.map((id) => trunks.get(id) ?? null);
    } catch (error) {
      const failure = asError(error);
      return ids.map(() => failure);
    }
  }

  function getTrunks(ids: readonly string[]): Promise<Array<SipTrunk | null | Error>> {
    return Promise.all(ids.map((id) => client.trunks.get(scope, id).then((trunk): SipTrunk | null => trunk, nullWhenNotFound)));
  }
}

/** The InvalidInputError the GET branch raises for an id that fails its pattern, so both branches answer alike; undefined for a valid id. */
function invalidTrunkId(id: string): Error | undefined {
  try {
    trunkSegment(id);
    return undefined;
  } catch (error) {
    return asError(error);
  }
}
