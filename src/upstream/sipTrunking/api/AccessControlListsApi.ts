import { idSegment, pathOf } from '../../http/pathSegment.js';
import type { LoaderScope } from '../../LoaderScope.js';
import type { EstHttp } from '../EstHttp.js';
import type { AccessControlList, EstPage, EstPageRequest, IpRange, SipTrunk } from '../SipTrunkingModels.js';
import { parseAccessControlList, parseIpRange, parseSipTrunk } from '../wire/parseSipTrunkingResources.js';

export interface IpRangeWrite {
  description?: string;
  ipAddress: string;
  /** CIDR prefix length; the API's default is 32. */
  range?: number;
}

export interface AccessControlListWrite {
  name: string;
  enabled?: boolean;
  ipRanges: IpRangeWrite[];
}

/** Access control lists and their IP ranges (REFERENCE §6.2). */
export class AccessControlListsApi {
  constructor(private readonly est: EstHttp) {}

  async list(scope: LoaderScope, request: EstPageRequest): Promise<EstPage<AccessControlList>> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/accessControlLists`;
    return this.est.page(scope, { path, route: '/accessControlLists', keys: ['accessControlLists'], parseItem: parseAccessControlList }, request);
  }

  async get(scope: LoaderScope, aclId: string): Promise<AccessControlList> {
    const route = '/accessControlLists/{id}';
    const body = await this.est.send(scope, { method: 'GET', path: this.aclPath(scope, aclId), route });
    return parseAccessControlList(body, this.est.endpoint('GET', route));
  }

  async create(scope: LoaderScope, acl: AccessControlListWrite): Promise<AccessControlList> {
    const route = '/accessControlLists';
    const path = pathOf`/v1/projects/${this.est.project(scope)}/accessControlLists`;
    const body = await this.est.send(scope, { method: 'POST', path, route, json: toWire(acl) });
    return parseAccessControlList(body, this.est.endpoint('POST', route));
  }

  /** PUT replaces name, enabled flag and the whole set of IP ranges. */
  async replace(scope: LoaderScope, aclId: string, acl: AccessControlListWrite): Promise<AccessControlList> {
    const route = '/accessControlLists/{id}';
    const body = await this.est.send(scope, { method: 'PUT', path: this.aclPath(scope, aclId), route, json: toWire(acl) });
    return parseAccessControlList(body, this.est.endpoint('PUT', route));
  }

  async delete(scope: LoaderScope, aclId: string): Promise<void> {
    await this.est.send(scope, { method: 'DELETE', path: this.aclPath(scope, aclId), route: '/accessControlLists/{id}' });
  }

  async listTrunks(scope: LoaderScope, aclId: string): Promise<SipTrunk[]> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/accessControlLists/${aclSegment(aclId, 'id')}/trunks`;
    return this.est.all(scope, { path, route: '/accessControlLists/{id}/trunks', keys: ['trunks', 'sipTrunks'], parseItem: parseSipTrunk });
  }

  async listIpRanges(scope: LoaderScope, aclId: string): Promise<IpRange[]> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/accessControlLists/${aclSegment(aclId)}/ipRanges`;
    return this.est.all(scope, { path, route: '/accessControlLists/{accessControlListId}/ipRanges', keys: ['ipRanges'], parseItem: parseIpRange });
  }

  async addIpRange(scope: LoaderScope, aclId: string, ipRange: IpRangeWrite): Promise<IpRange> {
    const route = '/accessControlLists/{accessControlListId}/ipRanges';
    const path = pathOf`/v1/projects/${this.est.project(scope)}/accessControlLists/${aclSegment(aclId)}/ipRanges`;
    const body = await this.est.send(scope, { method: 'POST', path, route, json: ipRangeToWire(ipRange) });
    return parseIpRange(body, this.est.endpoint('POST', route));
  }

  async replaceIpRange(scope: LoaderScope, aclId: string, ipRangeId: string, ipRange: IpRangeWrite): Promise<IpRange> {
    const route = '/accessControlLists/{accessControlListId}/ipRanges/{ipRangeId}';
    const body = await this.est.send(scope, { method: 'PUT', path: this.ipRangePath(scope, aclId, ipRangeId), route, json: ipRangeToWire(ipRange) });
    return parseIpRange(body, this.est.endpoint('PUT', route));
  }

  async deleteIpRange(scope: LoaderScope, aclId: string, ipRangeId: string): Promise<void> {
    const route = '/accessControlLists/{accessControlListId}/ipRanges/{ipRangeId}';
    await this.est.send(scope, { method: 'DELETE', path: this.ipRangePath(scope, aclId, ipRangeId), route });
  }

  private aclPath(scope: LoaderScope, aclId: string): string {
    return pathOf`/v1/projects/${this.est.project(scope)}/accessControlLists/${aclSegment(aclId, 'id')}`;
  }

  private ipRangePath(scope: LoaderScope, aclId: string, ipRangeId: string): string {
    return pathOf`/v1/projects/${this.est.project(scope)}/accessControlLists/${aclSegment(aclId)}/ipRanges/${idSegment(ipRangeId, 'sipResourceId', 'ipRangeId')}`;
  }
}

function aclSegment(aclId: string, argumentName = 'accessControlListId') {
  return idSegment(aclId, 'sipResourceId', argumentName);
}

function ipRangeToWire(ipRange: IpRangeWrite): Record<string, unknown> {
  return { description: ipRange.description ?? '', ipAddress: ipRange.ipAddress, range: ipRange.range ?? 32 };
}

function toWire(acl: AccessControlListWrite): Record<string, unknown> {
  return { name: acl.name, enabled: acl.enabled ?? true, ipRanges: acl.ipRanges.map(ipRangeToWire) };
}
