import { ulid } from 'ulid';
import type { SimulatorReply } from '../core/SimulatorRequest.js';
import { listReply, parsePageWindow } from './estPaging.js';
import { trunksOfCredentialList } from './findTrunk.js';
import { BodyReader, isJsonObject, parseJsonObject } from './parseSipBody.js';
import { badRequest, notFound, SIP_MESSAGES, validationFailed } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import type { CredentialListRecord, CredentialRecord } from './SipTrunkingRecords.js';
import { nowWithNanoseconds } from './sipTimestamps.js';
import { credentialListToWire, trunkToWire } from './toSipWire.js';

const USERNAME = /^[A-Za-z0-9_@+-][A-Za-z0-9._@+-]{0,127}$/;

/** S7: passwords need at least 12 characters with an upper-case letter, a lower-case letter and a digit. */
function passwordProblem(password: string): string | undefined {
  const strong = password.length >= 12 && /[A-Z]/.test(password) && /[a-z]/.test(password) && /[0-9]/.test(password);
  return strong ? undefined : 'must be at least 12 characters with an upper-case letter, a lower-case letter and a digit';
}

/** Credential lists and their credentials (REFERENCE §6.2; list and create are SDK-only). */
export function registerCredentialListRoutes(sip: SipTrunkingModule): void {
  const render = (list: CredentialListRecord, precision: 'seconds' | 'nanoseconds' = 'seconds') => credentialListToWire(list, sip.projectId, precision);

  sip.route('GET', '/credentialLists', (request) => {
    const window = parsePageWindow(request);
    if (!window.ok) return window.reply;
    return listReply('credentialLists', [...sip.state.credentialLists.values()], window.value, (list) => render(list));
  });

  sip.route('POST', '/credentialLists', (request) => {
    const body = parseJsonObject(request);
    if (!body.ok) return body.reply;
    const reader = new BodyReader(body.value);
    const name = reader.requiredString('name');
    const problems = reader.problems();
    if (problems !== undefined) return problems;
    const raw = body.value['credentials'];
    if (!Array.isArray(raw) || raw.length === 0) return badRequest(SIP_MESSAGES.credentialListNeedsCredential());
    const credentials: CredentialRecord[] = [];
    for (const item of raw) {
      const credential = isJsonObject(item) ? readCredential(sip, item['username'], item['password'], credentials) : badRequest('Failed to read HTTP message');
      if ('status' in credential) return credential;
      credentials.push(credential);
    }
    const list: CredentialListRecord = { id: ulid(), name, credentials, createTime: nowWithNanoseconds(), updateTime: null };
    sip.state.credentialLists.set(list.id, list);
    return { status: 200, body: render(list, 'nanoseconds') };
  });

  sip.route('GET', '/credentialLists/{id}', (request) => withList(sip, request.params['id'], (list) => ({ status: 200, body: render(list) })));

  sip.route('PUT', '/credentialLists/{id}', (request) =>
    withList(sip, request.params['id'], (list) => {
      const body = parseJsonObject(request);
      if (!body.ok) return body.reply;
      const reader = new BodyReader(body.value);
      const name = reader.requiredString('name');
      const problems = reader.problems();
      if (problems !== undefined) return problems;
      Object.assign(list, { name, updateTime: nowWithNanoseconds() });
      return { status: 200, body: render(list, 'nanoseconds') };
    }),
  );

  sip.route('DELETE', '/credentialLists/{id}', (request) =>
    withList(sip, request.params['id'], (list) => {
      if (trunksOfCredentialList(sip, list.id).length > 0) return badRequest(SIP_MESSAGES.parentHasChildren('Credential List', 'SIP Trunk'));
      sip.state.credentialLists.delete(list.id);
      return { status: 204 };
    }),
  );

  sip.route('GET', '/credentialLists/{id}/trunks', (request) =>
    withList(sip, request.params['id'], (list) => {
      const window = parsePageWindow(request);
      if (!window.ok) return window.reply;
      const trunks = trunksOfCredentialList(sip, list.id).flatMap((id) => sip.state.trunks.get(id) ?? []);
      return listReply('trunks', trunks, window.value, (trunk) => trunkToWire(trunk, sip.projectId));
    }),
  );

  const credentialPath = '/credentialLists/{credentialListId}/credentials/{username}';
  sip.route('PUT', credentialPath, (request) =>
    withList(sip, request.params['credentialListId'], (list) => {
      const body = parseJsonObject(request);
      if (!body.ok) return body.reply;
      const username = request.params['username'] ?? '';
      const existing = list.credentials.find((credential) => credential.username === username);
      const credential = readCredential(sip, username, body.value['password'], list.credentials, existing);
      if ('status' in credential) return credential;
      if (existing === undefined) list.credentials.push(credential);
      else existing.password = credential.password;
      list.updateTime = nowWithNanoseconds();
      return { status: 200, body: { id: credential.id, username: credential.username } };
    }),
  );

  sip.route('DELETE', credentialPath, (request) =>
    withList(sip, request.params['credentialListId'], (list) => {
      const username = request.params['username'] ?? '';
      const credential = list.credentials.find((candidate) => candidate.username === username);
      if (credential === undefined) return notFound(SIP_MESSAGES.credentialNotFound(username));
      if ([...sip.state.endpoints.values()].some((endpoint) => endpoint.credentialUsername === username)) {
        return badRequest(SIP_MESSAGES.childAttached('Credential', 'SIP Endpoint'));
      }
      if (list.credentials.length === 1) return badRequest(SIP_MESSAGES.credentialListNeedsCredential());
      list.credentials = list.credentials.filter((candidate) => candidate !== credential);
      list.updateTime = nowWithNanoseconds();
      return { status: 204 };
    }),
  );
}

export function withList(sip: SipTrunkingModule, id: string | undefined, handle: (list: CredentialListRecord) => SimulatorReply): SimulatorReply {
  const list = sip.state.credentialLists.get(id ?? '');
  return list === undefined ? notFound(SIP_MESSAGES.credentialListNotFound(id ?? '')) : handle(list);
}

/** Validates one credential; usernames are unique across the project's lists. */
function readCredential(
  sip: SipTrunkingModule,
  username: unknown,
  password: unknown,
  sameList: CredentialRecord[],
  existing?: CredentialRecord,
): CredentialRecord | SimulatorReply {
  if (typeof username !== 'string' || !USERNAME.test(username)) {
    return validationFailed([{ field: 'username', description: 'must be letters, digits and . _ @ + -' }]);
  }
  const problem = typeof password === 'string' ? passwordProblem(password) : 'must not be blank';
  if (problem !== undefined) return validationFailed([{ field: 'password', description: problem }]);
  if (existing === undefined) {
    const taken =
      sameList.some((credential) => credential.username === username) ||
      [...sip.state.credentialLists.values()].some((list) => list.credentials.some((credential) => credential.username === username));
    if (taken) return badRequest(SIP_MESSAGES.usernameUnavailable());
  }
  return { id: existing?.id ?? ulid(), username, password: password as string };
}
