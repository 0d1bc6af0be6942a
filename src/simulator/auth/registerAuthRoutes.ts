import type { SimulatorContext } from '../core/SimulatorContext.js';
import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { findSimulatorProject } from './findSimulatorProject.js';
import { parseBasicCredentials } from './parseBasicCredentials.js';

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): SimulatorReply {
  return { status, headers: { 'cache-control': 'no-store', ...headers }, body: { error, error_description: description } };
}

/**
 * `POST /oauth2/token`, the client-credentials grant of auth.sinch.com (REFERENCE §2.2).
 * Credentials come as Basic auth like the SDKs send them, or as form fields, which the
 * OAuth2 specification also allows.
 */
export function registerAuthRoutes(context: SimulatorContext): void {
  context.router.claim('AUTH', /^\/oauth2(\/|$)/);
  context.router.add({ service: 'AUTH', method: 'POST', template: '/oauth2/token', handler: (request) => issueToken(context, request) });
  // Which key opened which request: how multi-tenant tests prove one tenant's key never served another.
  context.adminRouter.add({
    service: 'AUTH',
    method: 'GET',
    template: '/__admin/authentications',
    handler: () => ({ status: 200, body: { authentications: context.state.authentications } }),
  });
}

function issueToken(context: SimulatorContext, request: SimulatorRequest): SimulatorReply {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(request.bodyText);
  const basic = parseBasicCredentials(request.headers.authorization);
  const clientId = basic?.username ?? form.get('client_id');
  const clientSecret = basic?.password ?? form.get('client_secret');
  const project = findSimulatorProject(clientId);
  if (project === undefined || clientSecret !== project.keySecret) {
    return oauthError(401, 'invalid_client', 'Client authentication failed: unknown key id or wrong key secret', {
      'www-authenticate': 'Basic realm="sinch"',
    });
  }
  const grantType = form.get('grant_type');
  if (grantType !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', `Grant type "${grantType ?? ''}" is not supported; use client_credentials`);
  }
  context.state.authentications.push({ service: 'AUTH', method: request.method, path: request.rawPath, keyId: project.keyId, projectId: project.projectId });
  const issued = context.tokens.issue(project.keyId, 'https://auth.sinch.com');
  return {
    status: 200,
    headers: { 'cache-control': 'no-store' },
    body: { access_token: issued.token, expires_in: issued.expiresIn, scope: '', token_type: 'bearer' },
  };
}
