import type { RouteHandler } from '../core/SimulatorRequest.js';
import type { SimulatorContext } from '../core/SimulatorContext.js';
import { checkEndpoint } from './parseVerificationBody.js';
import { expireIfDue } from './settleVerification.js';
import { toStatusResponse } from './toStatusResponse.js';
import { VERIFICATION_ERRORS } from './verificationErrors.js';
import type { VerificationRecord } from './VerificationRecord.js';
import { latestByIdentity } from './VerificationState.js';

const IDENTITY_METHODS = ['sms', 'flashcall', 'callout', 'whatsapp'];

function answer(record: VerificationRecord | undefined) {
  if (record === undefined) return VERIFICATION_ERRORS.notFound();
  expireIfDue(record, Date.now());
  return { status: 200, body: toStatusResponse(record) };
}

/** `GET /verifications/id/{id}`. */
export function statusByIdRoute(context: SimulatorContext): RouteHandler {
  return (request) => answer(context.state.verification.verifications.get(request.params['id'] ?? ''));
}

/** `GET /verifications/reference/{reference}`. */
export function statusByReferenceRoute(context: SimulatorContext): RouteHandler {
  return (request) => {
    const { verification } = context.state;
    const id = verification.references.get(request.params['reference'] ?? '');
    return answer(id === undefined ? undefined : verification.verifications.get(id));
  };
}

/** `GET /verifications/{method}/number/{endpoint}`: the latest verification of the number with that method. */
export function statusByIdentityRoute(context: SimulatorContext): RouteHandler {
  return (request) => {
    const method = request.params['method'] ?? '';
    if (!IDENTITY_METHODS.includes(method)) return VERIFICATION_ERRORS.invalidParameter(`Method ${method} is not supported.`);
    const endpoint = request.params['endpoint'];
    const problem = checkEndpoint(endpoint);
    if (problem !== undefined) return problem;
    return answer(latestByIdentity(context.state.verification, method, endpoint ?? ''));
  };
}
