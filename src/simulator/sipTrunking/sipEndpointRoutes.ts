import { ulid } from 'ulid';
import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { listReply, parsePageWindow } from './estPaging.js';
import { withTrunk } from './findTrunk.js';
import { BodyReader, parseJsonObject } from './parseSipBody.js';
import { badRequest, notFound, SIP_MESSAGES } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import type { EndpointRecord, TrunkRecord } from './SipTrunkingRecords.js';
import { nowWithNanoseconds } from './sipTimestamps.js';
import { endpointToWire } from './toSipWire.js';

const TRANSPORTS = ['UDP', 'TCP', 'TLS'] as const;
type EndpointFields = Omit<EndpointRecord, 'id' | 'sipTrunkId' | 'createTime' | 'updateTime'>;

/** SIP endpoints of a trunk, static or registered (REFERENCE §6.2, §6.3). */
export function registerSipEndpointRoutes(sip: SipTrunkingModule): void {
  const base = '/trunks/{sipTrunkId}/endpoints';

  sip.route('GET', base, (request) =>
    withTrunk(sip, request.params['sipTrunkId'], (trunk) => {
      const window = parsePageWindow(request);
      if (!window.ok) return window.reply;
      const endpoints = [...sip.state.endpoints.values()].filter((endpoint) => endpoint.sipTrunkId === trunk.id);
      return listReply('endpoints', endpoints, window.value, (endpoint) => endpointToWire(endpoint, sip.projectId));
    }),
  );

  // The API answers the created endpoint (SDK); the spec shows a page of endpoints (docs/sip-trunking.md).
  sip.route('POST', base, (request) =>
    withTrunk(sip, request.params['sipTrunkId'], (trunk) => {
      const fields = readEndpoint(sip, request);
      if (!fields.ok) return fields.reply;
      const endpoint: EndpointRecord = { id: ulid(), sipTrunkId: trunk.id, ...fields.value, createTime: nowWithNanoseconds(), updateTime: null };
      sip.state.endpoints.set(endpoint.id, endpoint);
      return { status: 200, body: endpointToWire(endpoint, sip.projectId, 'nanoseconds') };
    }),
  );

  sip.route('GET', `${base}/{sipEndpointId}`, (request) =>
    withEndpoint(sip, request, (endpoint) => ({ status: 200, body: endpointToWire(endpoint, sip.projectId) })),
  );

  sip.route('PUT', `${base}/{sipEndpointId}`, (request) =>
    withEndpoint(sip, request, (endpoint) => {
      const fields = readEndpoint(sip, request, endpoint.id);
      if (!fields.ok) return fields.reply;
      Object.assign(endpoint, fields.value, { updateTime: nowWithNanoseconds() });
      return { status: 200, body: endpointToWire(endpoint, sip.projectId, 'nanoseconds') };
    }),
  );

  sip.route('DELETE', `${base}/{sipEndpointId}`, (request) =>
    withEndpoint(sip, request, (endpoint) => {
      sip.state.endpoints.delete(endpoint.id);
      return { status: 204 };
    }),
  );
}

function withEndpoint(sip: SipTrunkingModule, request: SimulatorRequest, handle: (endpoint: EndpointRecord, trunk: TrunkRecord) => SimulatorReply): SimulatorReply {
  return withTrunk(sip, request.params['sipTrunkId'], (trunk) => {
    const id = request.params['sipEndpointId'] ?? '';
    const endpoint = sip.state.endpoints.get(id);
    return endpoint === undefined || endpoint.sipTrunkId !== trunk.id ? notFound(SIP_MESSAGES.endpointNotFound(id)) : handle(endpoint, trunk);
  });
}

function readEndpoint(
  sip: SipTrunkingModule,
  request: SimulatorRequest,
  exceptEndpointId?: string,
): { ok: true; value: EndpointFields } | { ok: false; reply: SimulatorReply } {
  const body = parseJsonObject(request);
  if (!body.ok) return body;
  const reader = new BodyReader(body.value);
  const registered = reader.boolean('isRegistered', false);
  const value: EndpointFields = {
    name: reader.requiredString('name'),
    transport: reader.oneOf('transport', TRANSPORTS, 'UDP'),
    priority: reader.integer('priority', null, 1, 65_535),
    enabled: reader.boolean('enabled', true),
    address: registered ? null : reader.requiredString('address'),
    port: registered ? null : reader.integer('port', 5060, 1, 65_535),
    // The SDK's RegisteredEndpoint also knows `credentialUserName`.
    credentialUsername: registered ? (reader.optionalString('credentialUserName') ?? reader.requiredString('credentialUsername')) : null,
  };
  const problems = reader.problems();
  if (problems !== undefined) return { ok: false, reply: problems };
  if (value.credentialUsername !== null) {
    const known = [...sip.state.credentialLists.values()].some((list) => list.credentials.some((credential) => credential.username === value.credentialUsername));
    if (!known) return { ok: false, reply: notFound(SIP_MESSAGES.credentialNotFound(value.credentialUsername)) };
    const user = [...sip.state.endpoints.values()].find((endpoint) => endpoint.id !== exceptEndpointId && endpoint.credentialUsername === value.credentialUsername);
    if (user !== undefined) return { ok: false, reply: badRequest(SIP_MESSAGES.credentialInUse(value.credentialUsername, user.sipTrunkId)) };
  }
  return { ok: true, value };
}
