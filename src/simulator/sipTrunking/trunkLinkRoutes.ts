import type { SimulatorRequest } from '../core/SimulatorRequest.js';
import { listReply, parsePageWindow } from './estPaging.js';
import { withTrunk } from './findTrunk.js';
import { isJsonObject, parseJsonBody, type Parsed } from './parseSipBody.js';
import { badRequest, notFound, SIP_MESSAGES, validationFailed } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import { credentialListToWire } from './toSipWire.js';

/** Links of a trunk to access control lists and credential lists (REFERENCE §6.2). */
export function registerTrunkLinkRoutes(sip: SipTrunkingModule): void {
  const links = (map: Map<string, string[]>, trunkId: string) => map.get(trunkId) ?? [];

  sip.route('GET', '/trunks/{trunkId}/accessControlLists', (request) =>
    withTrunk(sip, request.params['trunkId'], (trunk) => {
      const window = parsePageWindow(request);
      if (!window.ok) return window.reply;
      return listReply('accessControlListIds', links(sip.state.trunkAccessControlLists, trunk.id), window.value, (id) => id);
    }),
  );

  sip.route('POST', '/trunks/{trunkId}/accessControlLists', (request) =>
    withTrunk(sip, request.params['trunkId'], (trunk) => {
      const ids = readIds(request, 'accessControlListIds');
      if (!ids.ok) return ids.reply;
      const current = links(sip.state.trunkAccessControlLists, trunk.id);
      for (const id of ids.value) {
        if (!sip.state.accessControlLists.has(id)) return notFound(SIP_MESSAGES.aclNotFound(id));
        if (current.includes(id)) return badRequest(SIP_MESSAGES.aclAlreadyAdded(id, trunk.id));
      }
      sip.state.trunkAccessControlLists.set(trunk.id, [...current, ...ids.value]);
      // The API echoes the ids of the request (§6.2).
      return { status: 200, body: { accessControlListIds: ids.value } };
    }),
  );

  sip.route('DELETE', '/trunks/{trunkId}/accessControlLists/{accessControlListId}', (request) =>
    withTrunk(sip, request.params['trunkId'], (trunk) => {
      const aclId = request.params['accessControlListId'] ?? '';
      const current = links(sip.state.trunkAccessControlLists, trunk.id);
      if (!current.includes(aclId)) return notFound(SIP_MESSAGES.aclNotOnTrunk(aclId, trunk.id));
      sip.state.trunkAccessControlLists.set(trunk.id, current.filter((id) => id !== aclId));
      return { status: 204 };
    }),
  );

  // Both shapes at once: the SDK reads `credentialLists` (objects), the spec `credentialListIds`.
  sip.route('GET', '/trunks/{trunkId}/credentialLists', (request) =>
    withTrunk(sip, request.params['trunkId'], (trunk) => {
      const window = parsePageWindow(request);
      if (!window.ok) return window.reply;
      const lists = links(sip.state.trunkCredentialLists, trunk.id).flatMap((id) => sip.state.credentialLists.get(id) ?? []);
      const reply = listReply('credentialLists', lists, window.value, (list) => credentialListToWire(list, sip.projectId));
      const body = reply.body as { credentialLists: Array<{ id: string }> };
      return { status: 200, body: { ...body, credentialListIds: body.credentialLists.map((list) => list.id) } };
    }),
  );

  const writeCredentialLists = (mode: 'append' | 'replace') => (request: SimulatorRequest) =>
    withTrunk(sip, request.params['trunkId'], (trunk) => {
      const ids = readIds(request, 'credentialListIds');
      if (!ids.ok) return ids.reply;
      const current = mode === 'append' ? links(sip.state.trunkCredentialLists, trunk.id) : [];
      for (const id of ids.value) {
        if (!sip.state.credentialLists.has(id)) return notFound(SIP_MESSAGES.credentialListNotFound(id));
        if (current.includes(id)) return badRequest(SIP_MESSAGES.credentialListAlreadyAdded(id, trunk.id));
      }
      const next = [...current, ...ids.value.filter((id, index) => ids.value.indexOf(id) === index)];
      sip.state.trunkCredentialLists.set(trunk.id, next);
      return { status: 200, body: { credentialListIds: mode === 'append' ? ids.value : next } };
    });
  sip.route('POST', '/trunks/{trunkId}/credentialLists', writeCredentialLists('append'));
  sip.route('PUT', '/trunks/{trunkId}/credentialLists', writeCredentialLists('replace'));

  sip.route('DELETE', '/trunks/{trunkId}/credentialLists/{credentialListId}', (request) =>
    withTrunk(sip, request.params['trunkId'], (trunk) => {
      const listId = request.params['credentialListId'] ?? '';
      const current = links(sip.state.trunkCredentialLists, trunk.id);
      if (!current.includes(listId)) return notFound(SIP_MESSAGES.credentialListNotFound(listId));
      sip.state.trunkCredentialLists.set(trunk.id, current.filter((id) => id !== listId));
      return { status: 204 };
    }),
  );
}

/**
 * `{key: [...]}`, or a bare array. PUT credential lists takes a bare array by the spec, which the
 * gateway sends; the official SDK sends the object, and the simulator serves both.
 */
function readIds(request: SimulatorRequest, key: string): Parsed<string[]> {
  const body = parseJsonBody(request);
  if (!body.ok) return body;
  const raw = Array.isArray(body.value) ? body.value : isJsonObject(body.value) ? (body.value[key] ?? []) : undefined;
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string')) {
    return { ok: false, reply: validationFailed([{ field: key, description: 'must be a list of ids' }]) };
  }
  return { ok: true, value: raw as string[] };
}
