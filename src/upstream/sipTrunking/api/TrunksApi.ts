import { idSegment, pathOf } from '../../http/pathSegment.js';
import type { LoaderScope } from '../../LoaderScope.js';
import type { EstHttp, EstListCall } from '../EstHttp.js';
import type { CredentialListLink, EstPage, EstPageRequest, SipTrunk } from '../SipTrunkingModels.js';
import { TRUNK_CREDENTIAL_LIST_KEYS, parseCredentialListLink, parseIdItem } from '../wire/parseEstPage.js';
import { parseSipTrunk } from '../wire/parseSipTrunkingResources.js';
import { WireReader } from '../wire/WireReader.js';

/** `POST /trunks` (create) takes the first three; `PUT /trunks/{id}` replaces all five. */
export interface SipTrunkWrite {
  name: string;
  hostName: string;
  enableCallerName?: boolean;
  callForwardNumber?: string;
  enableCallForward?: boolean;
}

/** SIP trunks and their links to access control lists and credential lists (REFERENCE §6.2). */
export class TrunksApi {
  constructor(private readonly est: EstHttp) {}

  async list(scope: LoaderScope, request: EstPageRequest, domain?: string): Promise<EstPage<SipTrunk>> {
    return this.est.page(scope, this.listCall(scope, domain), request);
  }

  async listAll(scope: LoaderScope): Promise<SipTrunk[]> {
    return this.est.all(scope, this.listCall(scope));
  }

  async get(scope: LoaderScope, trunkId: string): Promise<SipTrunk> {
    const route = '/trunks/{sipTrunkId}';
    const body = await this.est.send(scope, { method: 'GET', path: this.trunkPath(scope, trunkId), route });
    return parseSipTrunk(body, this.est.endpoint('GET', route));
  }

  async create(scope: LoaderScope, trunk: SipTrunkWrite): Promise<SipTrunk> {
    const route = '/trunks';
    const json = { name: trunk.name, hostName: trunk.hostName, enableCallerName: trunk.enableCallerName ?? false };
    const body = await this.est.send(scope, { method: 'POST', path: pathOf`/v1/projects/${this.est.project(scope)}/trunks`, route, json });
    return parseSipTrunk(body, this.est.endpoint('POST', route));
  }

  /** PUT replaces the whole trunk: every writable field is sent, defaults for those not given. */
  async replace(scope: LoaderScope, trunkId: string, trunk: SipTrunkWrite): Promise<SipTrunk> {
    const route = '/trunks/{sipTrunkId}';
    const json = {
      name: trunk.name,
      hostName: trunk.hostName,
      enableCallerName: trunk.enableCallerName ?? false,
      callForwardNumber: trunk.callForwardNumber ?? '',
      enableCallForward: trunk.enableCallForward ?? false,
    };
    const body = await this.est.send(scope, { method: 'PUT', path: this.trunkPath(scope, trunkId), route, json });
    return parseSipTrunk(body, this.est.endpoint('PUT', route));
  }

  async delete(scope: LoaderScope, trunkId: string): Promise<void> {
    await this.est.send(scope, { method: 'DELETE', path: this.trunkPath(scope, trunkId), route: '/trunks/{sipTrunkId}' });
  }

  async listAccessControlListIds(scope: LoaderScope, trunkId: string): Promise<string[]> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId)}/accessControlLists`;
    return this.est.all(scope, { path, route: '/trunks/{trunkId}/accessControlLists', keys: ['accessControlListIds'], parseItem: parseIdItem });
  }

  /** Appends; the API echoes the ids it was sent. */
  async addAccessControlLists(scope: LoaderScope, trunkId: string, accessControlListIds: string[]): Promise<string[]> {
    const route = '/trunks/{trunkId}/accessControlLists';
    const path = pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId)}/accessControlLists`;
    const body = await this.est.send(scope, { method: 'POST', path, route, json: { accessControlListIds } });
    return idsOf(body, 'accessControlListIds', this.est.endpoint('POST', route)) ?? accessControlListIds;
  }

  async removeAccessControlList(scope: LoaderScope, trunkId: string, accessControlListId: string): Promise<void> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId)}/accessControlLists/${idSegment(accessControlListId, 'sipResourceId', 'accessControlListId')}`;
    await this.est.send(scope, { method: 'DELETE', path, route: '/trunks/{trunkId}/accessControlLists/{accessControlListId}' });
  }

  async listCredentialLists(scope: LoaderScope, trunkId: string): Promise<CredentialListLink[]> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId)}/credentialLists`;
    return this.est.all(scope, { path, route: '/trunks/{trunkId}/credentialLists', keys: TRUNK_CREDENTIAL_LIST_KEYS, parseItem: parseCredentialListLink });
  }

  /** Appends to the set: `POST` with `{credentialListIds: [...]}` (spec `addCredentialListToTrunk`, `CredentialListIds`). */
  async addCredentialLists(scope: LoaderScope, trunkId: string, credentialListIds: string[]): Promise<string[]> {
    return this.sendCredentialListIds(scope, 'POST', trunkId, { credentialListIds });
  }

  /**
   * Replaces the whole set: `PUT` with a bare array of ids, `["01GNZ9…", …]`, as the spec's
   * `bulkUpdateCredentialListsForTrunk` defines it, with its own example, unlike the `POST`
   * beside it. The Node SDK (1.4.0) types this body with the `POST`'s `{credentialListIds}`
   * model, yet sends a bare `[]` when given none: the spec is the one that states this
   * operation's body on purpose (docs/sip-trunking.md, "Wire decisions").
   */
  async replaceCredentialLists(scope: LoaderScope, trunkId: string, credentialListIds: string[]): Promise<string[]> {
    return this.sendCredentialListIds(scope, 'PUT', trunkId, credentialListIds);
  }

  async removeCredentialList(scope: LoaderScope, trunkId: string, credentialListId: string): Promise<void> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId)}/credentialLists/${idSegment(credentialListId, 'sipResourceId', 'credentialListId')}`;
    await this.est.send(scope, { method: 'DELETE', path, route: '/trunks/{trunkId}/credentialLists/{credentialListId}' });
  }

  private async sendCredentialListIds(
    scope: LoaderScope,
    method: 'POST' | 'PUT',
    trunkId: string,
    json: string[] | { credentialListIds: string[] },
  ): Promise<string[]> {
    const route = '/trunks/{trunkId}/credentialLists';
    const path = pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId)}/credentialLists`;
    const body = await this.est.send(scope, { method, path, route, json });
    return idsOf(body, 'credentialListIds', this.est.endpoint(method, route)) ?? (Array.isArray(json) ? json : json.credentialListIds);
  }

  private listCall(scope: LoaderScope, domain?: string): EstListCall<SipTrunk> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/trunks`;
    // `trunks` is what the SDK reads, `sipTrunks` what the spec documents.
    return { path, route: '/trunks', keys: ['trunks', 'sipTrunks'], parseItem: parseSipTrunk, query: { domain } };
  }

  private trunkPath(scope: LoaderScope, trunkId: string): string {
    return pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId)}`;
  }
}

export function trunkSegment(trunkId: string, argumentName = 'trunkId') {
  return idSegment(trunkId, 'sipResourceId', argumentName);
}

/** The echo of an add/replace: `{ids}` or a bare array; `undefined` for an empty body. */
function idsOf(body: unknown, key: string, endpoint: string): string[] | undefined {
  if (body === undefined) return undefined;
  if (Array.isArray(body)) return body.map((item) => parseIdItem(item, endpoint));
  return WireReader.of(body, endpoint, 'a list of ids').stringArray(key);
}
