import type { SimulatorContext } from '../core/SimulatorContext.js';
import type { RouteHandler } from '../core/SimulatorRequest.js';
import { reportByIdentityRoute, reportByIdRoute } from './reportVerificationRoutes.js';
import { requireApplicationSignature } from './requireApplicationSignature.js';
import { expireIfDue } from './settleVerification.js';
import { startVerificationRoute } from './startVerificationRoute.js';
import { VERIFICATION_ERRORS } from './verificationErrors.js';
import { registerVerificationAdminRoutes } from './verificationAdminRoutes.js';
import { statusByIdentityRoute, statusByIdRoute, statusByReferenceRoute } from './verificationStatusRoutes.js';

const PREFIX = '/verification/v1';

/**
 * The Verification API (verification.api.sinch.com, REFERENCE §5.2) behind application-signed
 * authentication. Its state is `context.state.verification`, read through the context on every
 * request because an admin reset replaces it.
 */
export function registerVerificationRoutes(context: SimulatorContext): void {
  context.router.claim('VERIFICATION', /^\/verification\//);
  const route = (method: string, path: string, handler: RouteHandler) =>
    context.router.add({ service: 'VERIFICATION', method, template: `${PREFIX}${path}`, handler: requireApplicationSignature(handler) });

  route('POST', '/verifications', startVerificationRoute(context));
  route('PUT', '/verifications/id/{id}', reportByIdRoute(context));
  route('GET', '/verifications/id/{id}', statusByIdRoute(context));
  route('PUT', '/verifications/number/{endpoint}', reportByIdentityRoute(context));
  route('GET', '/verifications/reference/{reference}', statusByReferenceRoute(context));
  route('GET', '/verifications/{method}/number/{endpoint}', statusByIdentityRoute(context));

  // The seamless `targetUri`: a device calls it over mobile data, unauthenticated. Simulator
  // only (Sinch's is operator infrastructure): calling it completes the verification.
  context.router.add({
    service: 'VERIFICATION',
    method: 'GET',
    template: `${PREFIX}/seamless/{id}`,
    handler: (request) => {
      const record = context.state.verification.verifications.get(request.params['id'] ?? '');
      if (record === undefined || record.method !== 'seamless') return VERIFICATION_ERRORS.notFound();
      expireIfDue(record, Date.now());
      if (record.status === 'PENDING') Object.assign(record, { status: 'SUCCESSFUL', updatedAt: Date.now() });
      return { status: 200, body: { id: record.id, status: record.status } };
    },
  });
  registerVerificationAdminRoutes(context);
}
