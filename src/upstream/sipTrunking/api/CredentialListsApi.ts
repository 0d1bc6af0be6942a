import { idSegment, pathOf } from '../../http/pathSegment.js';
import type { LoaderScope } from '../../LoaderScope.js';
import type { EstHttp } from '../EstHttp.js';
import type { Credential, CredentialList, EstPage, EstPageRequest, SipTrunk } from '../SipTrunkingModels.js';
import { parseCredential, parseCredentialList, parseSipTrunk } from '../wire/parseSipTrunkingResources.js';
import { WireReader } from '../wire/WireReader.js';

export interface CredentialWrite {
  username: string;
  /** Write-only: sent to Sinch, never returned, never logged (the HTTP layer logs no bodies). */
  password: string;
}

/**
 * Credential lists and their credentials. `POST`/`GET /credentialLists` exist in the SDK
 * but not in the spec (REFERENCE §6.2 †).
 */
export class CredentialListsApi {
  constructor(private readonly est: EstHttp) {}

  async list(scope: LoaderScope, request: EstPageRequest): Promise<EstPage<CredentialList>> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/credentialLists`;
    return this.est.page(scope, { path, route: '/credentialLists', keys: ['credentialLists'], parseItem: parseCredentialList }, request);
  }

  async get(scope: LoaderScope, credentialListId: string): Promise<CredentialList> {
    const route = '/credentialLists/{id}';
    const body = await this.est.send(scope, { method: 'GET', path: this.listPath(scope, credentialListId), route });
    return parseCredentialList(body, this.est.endpoint('GET', route));
  }

  async create(scope: LoaderScope, name: string, credentials: CredentialWrite[]): Promise<CredentialList> {
    const route = '/credentialLists';
    const path = pathOf`/v1/projects/${this.est.project(scope)}/credentialLists`;
    const json = { name, credentials: credentials.map(({ username, password }) => ({ username, password })) };
    const body = await this.est.send(scope, { method: 'POST', path, route, json });
    return parseCredentialList(body, this.est.endpoint('POST', route));
  }

  /** PUT `{name}`: the name is the only writable field of the list itself. */
  async replace(scope: LoaderScope, credentialListId: string, name: string): Promise<CredentialList> {
    const route = '/credentialLists/{id}';
    const body = await this.est.send(scope, { method: 'PUT', path: this.listPath(scope, credentialListId), route, json: { name } });
    return parseCredentialList(body, this.est.endpoint('PUT', route));
  }

  async delete(scope: LoaderScope, credentialListId: string): Promise<void> {
    await this.est.send(scope, { method: 'DELETE', path: this.listPath(scope, credentialListId), route: '/credentialLists/{id}' });
  }

  async listTrunks(scope: LoaderScope, credentialListId: string): Promise<SipTrunk[]> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/credentialLists/${listSegment(credentialListId)}/trunks`;
    return this.est.all(scope, { path, route: '/credentialLists/{id}/trunks', keys: ['trunks', 'sipTrunks'], parseItem: parseSipTrunk });
  }

  /** Creates the credential or replaces its password. */
  async setCredential(scope: LoaderScope, credentialListId: string, credential: CredentialWrite): Promise<Credential> {
    const route = '/credentialLists/{credentialListId}/credentials/{username}';
    const path = this.credentialPath(scope, credentialListId, credential.username);
    const body = await this.est.send(scope, { method: 'PUT', path, route, json: { password: credential.password } });
    const endpoint = this.est.endpoint('PUT', route);
    // The spec's response schema is `{password}` only; whatever comes back, only id and username are kept.
    const wire = WireReader.of(body ?? {}, endpoint, 'a credential');
    return wire.optionalString('username') === null ? { id: wire.optionalString('id'), username: credential.username } : parseCredential(body, endpoint);
  }

  async deleteCredential(scope: LoaderScope, credentialListId: string, username: string): Promise<void> {
    const route = '/credentialLists/{credentialListId}/credentials/{username}';
    await this.est.send(scope, { method: 'DELETE', path: this.credentialPath(scope, credentialListId, username), route });
  }

  private listPath(scope: LoaderScope, credentialListId: string): string {
    return pathOf`/v1/projects/${this.est.project(scope)}/credentialLists/${listSegment(credentialListId)}`;
  }

  private credentialPath(scope: LoaderScope, credentialListId: string, username: string): string {
    return pathOf`/v1/projects/${this.est.project(scope)}/credentialLists/${listSegment(credentialListId)}/credentials/${idSegment(username, 'credentialUsername', 'username')}`;
  }
}

function listSegment(credentialListId: string) {
  return idSegment(credentialListId, 'sipResourceId', 'credentialListId');
}
