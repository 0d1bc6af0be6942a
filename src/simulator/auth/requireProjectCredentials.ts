import type { RouteHandler, SimulatorReply } from '../core/SimulatorRequest.js';
import type { SimulatorContext } from '../core/SimulatorContext.js';
import { permissionDenied, unauthenticated } from '../numbers/numbersErrors.js';
import { runInSimulatorProject } from '../state/SimulatorProjectScope.js';
import type { SimulatorProject } from '../simulatorCredentials.js';
import { findSimulatorProject } from './findSimulatorProject.js';
import { parseBasicCredentials } from './parseBasicCredentials.js';

/** How a service renders authentication failures; Numbers' envelopes by default. */
export interface AuthenticationErrors {
  unauthenticated(message: string, wwwAuthenticate: string): SimulatorReply;
  /** The path names a project the key does not open; `projectId` is that project. */
  permissionDenied(message: string, projectId: string): SimulatorReply;
}

const numbersAuthenticationErrors: AuthenticationErrors = { unauthenticated, permissionDenied };

/**
 * Guards a route of a project-scoped API (Numbers, Elastic SIP Trunking): a Bearer token
 * from `/oauth2/token` or Basic key id/secret (REFERENCE §2.1), then the `{projectId}` of
 * the path must be the key's project. Only an expired token says `expired` in
 * WWW-Authenticate: that word is what makes the SDKs fetch a new token and retry once.
 * The handler then runs in that project's scope, so `context.state` is that project's.
 */
export function requireProjectCredentials(
  context: SimulatorContext,
  handler: RouteHandler,
  errors: AuthenticationErrors = numbersAuthenticationErrors,
): RouteHandler {
  return (request) => {
    const authorization = request.headers.authorization;
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    let project: SimulatorProject | undefined;
    if (bearer?.[1] !== undefined) {
      const verdict = context.tokens.verify(bearer[1]);
      if (verdict.kind === 'expired') {
        return errors.unauthenticated('Access token has expired', 'Bearer error="expired"');
      }
      project = verdict.kind === 'valid' ? findSimulatorProject(verdict.keyId) : undefined;
      if (project === undefined) {
        return errors.unauthenticated('Access token is invalid', 'Bearer error="invalid_token"');
      }
    } else {
      const basic = parseBasicCredentials(authorization);
      if (basic === undefined) {
        return errors.unauthenticated('Request is missing valid authentication credentials', 'Bearer realm="sinch"');
      }
      project = findSimulatorProject(basic.username);
      if (project === undefined || basic.password !== project.keySecret) {
        return errors.unauthenticated('Invalid key id or key secret', 'Basic realm="sinch"');
      }
    }
    context.state.authentications.push({ service: context.router.serviceFor(request.rawPath), method: request.method, path: request.rawPath, keyId: project.keyId, projectId: project.projectId });
    if (request.params['projectId'] !== project.projectId) {
      return errors.permissionDenied(`The key does not belong to project ${request.params['projectId'] ?? ''}`, request.params['projectId'] ?? '');
    }
    const { projectId } = project;
    return runInSimulatorProject(projectId, () => handler(request));
  };
}
