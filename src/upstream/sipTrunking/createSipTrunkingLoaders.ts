import DataLoader from 'dataloader';
import type { LoaderScope } from '../LoaderScope.js';
import type { SipTrunkingClient } from './SipTrunkingClient.js';
import type {
  AccessControlList,
  CredentialList,
  CredentialListLink,
  EstPhoneNumber,
  IpRange,
  SipEndpoint,
  SipTrunk,
} from './SipTrunkingModels.js';
import { createTrunkLoader } from './loaders/createTrunkLoader.js';
import { eachKey, nullWhenNotFound } from './loaders/loaderResults.js';
import { measuredBatch } from '../measuredBatch.js';

/**
 * The per-request DataLoaders of the Elastic SIP Trunking API. Keys are ids; "per trunk" loaders
 * read every page of their list. Lists prime the single-resource loaders, so a resource that
 * was listed is never fetched again in the same request.
 */
export interface SipTrunkingLoaders {
  trunk: DataLoader<string, SipTrunk | null>;
  trunkEndpoints: DataLoader<string, SipEndpoint[]>;
  trunkAccessControlListIds: DataLoader<string, string[]>;
  trunkCredentialLists: DataLoader<string, CredentialListLink[]>;
  trunkPhoneNumbers: DataLoader<string, EstPhoneNumber[]>;
  accessControlList: DataLoader<string, AccessControlList | null>;
  accessControlListTrunks: DataLoader<string, SipTrunk[]>;
  accessControlListIpRanges: DataLoader<string, IpRange[]>;
  credentialList: DataLoader<string, CredentialList | null>;
  credentialListTrunks: DataLoader<string, SipTrunk[]>;
  estPhoneNumber: DataLoader<string, EstPhoneNumber | null>;
}

export interface SipTrunkingLoaderOptions {
  /** Distinct trunk ids from which a batch lists all trunks instead of getting each; see createTrunkLoader. */
  trunkListThreshold?: number;
}

/** A loader whose batch is one upstream call per distinct key, with its batch sizes measured. */
function perKeyLoader<V>(scope: LoaderScope, name: string, batch: (keys: readonly string[]) => Promise<Array<V | Error>>): DataLoader<string, V> {
  return new DataLoader<string, V>(measuredBatch(scope, name, batch));
}

export function createSipTrunkingLoaders(client: SipTrunkingClient, scope: LoaderScope, options: SipTrunkingLoaderOptions = {}): SipTrunkingLoaders {
  const trunk = createTrunkLoader(client, scope, options.trunkListThreshold);
  const primeTrunks = (trunks: SipTrunk[]) => {
    for (const item of trunks) trunk.prime(item.id, item);
    return trunks;
  };

  const accessControlList = new DataLoader<string, AccessControlList | null>(
    measuredBatch(scope, 'sipTrunking.accessControlList', (ids) =>
      Promise.all(ids.map((id) => client.accessControlLists.get(scope, id).then((acl): AccessControlList | null => acl, nullWhenNotFound))),
    ),
  );
  const credentialList = new DataLoader<string, CredentialList | null>(
    measuredBatch(scope, 'sipTrunking.credentialList', (ids) =>
      Promise.all(ids.map((id) => client.credentialLists.get(scope, id).then((list): CredentialList | null => list, nullWhenNotFound))),
    ),
  );
  const estPhoneNumber = new DataLoader<string, EstPhoneNumber | null>(
    measuredBatch(scope, 'sipTrunking.estPhoneNumber', (numbers) =>
      Promise.all(numbers.map((number) => client.phoneNumbers.get(scope, number).then((entry): EstPhoneNumber | null => entry, nullWhenNotFound))),
    ),
  );

  return {
    trunk,
    trunkEndpoints: perKeyLoader(scope, 'sipTrunking.trunkEndpoints', (trunkIds) => eachKey(trunkIds, (id) => client.endpoints.listAll(scope, id))),
    trunkAccessControlListIds: perKeyLoader(scope, 'sipTrunking.trunkAccessControlListIds', (trunkIds) => eachKey(trunkIds, (id) => client.trunks.listAccessControlListIds(scope, id))),
    trunkCredentialLists: perKeyLoader(scope, 'sipTrunking.trunkCredentialLists', (trunkIds) =>
      eachKey(trunkIds, async (id) => {
        const links = await client.trunks.listCredentialLists(scope, id);
        for (const link of links) if (link.list !== undefined) credentialList.prime(link.id, link.list);
        return links;
      }),
    ),
    trunkPhoneNumbers: perKeyLoader(scope, 'sipTrunking.trunkPhoneNumbers', (trunkIds) =>
      eachKey(trunkIds, async (id) => {
        const numbers = await client.phoneNumbers.listAllByTrunk(scope, id);
        for (const number of numbers) estPhoneNumber.prime(number.phoneNumber, number);
        return numbers;
      }),
    ),
    accessControlList,
    accessControlListTrunks: perKeyLoader(scope, 'sipTrunking.accessControlListTrunks', (aclIds) => eachKey(aclIds, async (id) => primeTrunks(await client.accessControlLists.listTrunks(scope, id)))),
    accessControlListIpRanges: perKeyLoader(scope, 'sipTrunking.accessControlListIpRanges', (aclIds) => eachKey(aclIds, (id) => client.accessControlLists.listIpRanges(scope, id))),
    credentialList,
    credentialListTrunks: perKeyLoader(scope, 'sipTrunking.credentialListTrunks', (listIds) => eachKey(listIds, async (id) => primeTrunks(await client.credentialLists.listTrunks(scope, id)))),
    estPhoneNumber,
  };
}
