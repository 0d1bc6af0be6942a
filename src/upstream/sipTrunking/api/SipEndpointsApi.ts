import { idSegment, pathOf } from '../../http/pathSegment.js';
import type { LoaderScope } from '../../LoaderScope.js';
import type { EstHttp, EstListCall } from '../EstHttp.js';
import type { EstPage, EstPageRequest, SipEndpoint, SipTransport } from '../SipTrunkingModels.js';
import { parseSipEndpoint } from '../wire/parseSipTrunkingResources.js';
import { isJsonObject } from '../wire/WireReader.js';
import { trunkSegment } from './TrunksApi.js';

interface SipEndpointWriteBase {
  name: string;
  transport?: SipTransport;
  priority: number;
  enabled?: boolean;
}

/** The body of a create or a PUT: static (address) or registered (credential username). */
export type SipEndpointWrite =
  | (SipEndpointWriteBase & { kind: 'STATIC'; address: string; port?: number })
  | (SipEndpointWriteBase & { kind: 'REGISTERED'; credentialUsername: string });

/** SIP endpoints of a trunk (REFERENCE §6.2). */
export class SipEndpointsApi {
  constructor(private readonly est: EstHttp) {}

  async list(scope: LoaderScope, trunkId: string, request: EstPageRequest): Promise<EstPage<SipEndpoint>> {
    return this.est.page(scope, this.listCall(scope, trunkId), request);
  }

  async listAll(scope: LoaderScope, trunkId: string): Promise<SipEndpoint[]> {
    return this.est.all(scope, this.listCall(scope, trunkId));
  }

  async get(scope: LoaderScope, trunkId: string, endpointId: string): Promise<SipEndpoint> {
    const route = '/trunks/{sipTrunkId}/endpoints/{sipEndpointId}';
    const body = await this.est.send(scope, { method: 'GET', path: this.endpointPath(scope, trunkId, endpointId), route });
    return parseSipEndpoint(body, this.est.endpoint('GET', route));
  }

  async create(scope: LoaderScope, trunkId: string, endpoint: SipEndpointWrite): Promise<SipEndpoint> {
    const route = '/trunks/{sipTrunkId}/endpoints';
    const path = pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId, 'sipTrunkId')}/endpoints`;
    const body = await this.est.send(scope, { method: 'POST', path, route, json: toWire(endpoint) });
    // The SDK (and the API) answer the endpoint; the spec shows a page of `endpoints`.
    const single = isJsonObject(body) && Array.isArray(body['endpoints']) ? body['endpoints'][0] : body;
    return parseSipEndpoint(single, this.est.endpoint('POST', route));
  }

  /** PUT replaces the whole endpoint. */
  async replace(scope: LoaderScope, trunkId: string, endpointId: string, endpoint: SipEndpointWrite): Promise<SipEndpoint> {
    const route = '/trunks/{sipTrunkId}/endpoints/{sipEndpointId}';
    const body = await this.est.send(scope, { method: 'PUT', path: this.endpointPath(scope, trunkId, endpointId), route, json: toWire(endpoint) });
    return parseSipEndpoint(body, this.est.endpoint('PUT', route));
  }

  async delete(scope: LoaderScope, trunkId: string, endpointId: string): Promise<void> {
    const route = '/trunks/{sipTrunkId}/endpoints/{sipEndpointId}';
    await this.est.send(scope, { method: 'DELETE', path: this.endpointPath(scope, trunkId, endpointId), route });
  }

  private listCall(scope: LoaderScope, trunkId: string): EstListCall<SipEndpoint> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId, 'sipTrunkId')}/endpoints`;
    return { path, route: '/trunks/{sipTrunkId}/endpoints', keys: ['endpoints'], parseItem: parseSipEndpoint };
  }

  private endpointPath(scope: LoaderScope, trunkId: string, endpointId: string): string {
    return pathOf`/v1/projects/${this.est.project(scope)}/trunks/${trunkSegment(trunkId, 'sipTrunkId')}/endpoints/${idSegment(endpointId, 'sipResourceId', 'sipEndpointId')}`;
  }
}

function toWire(endpoint: SipEndpointWrite): Record<string, unknown> {
  const common = {
    name: endpoint.name,
    transport: endpoint.transport ?? 'UDP',
    priority: endpoint.priority,
    enabled: endpoint.enabled ?? true,
  };
  return endpoint.kind === 'STATIC'
    ? { ...common, address: endpoint.address, port: endpoint.port ?? 5060 }
    : { ...common, isRegistered: true, credentialUsername: endpoint.credentialUsername };
}
