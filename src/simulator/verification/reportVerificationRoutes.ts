import type { RouteHandler, SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import type { SimulatorContext } from '../core/SimulatorContext.js';
import { checkEndpoint, isReply, parseVerificationBody } from './parseVerificationBody.js';
import { applyReport } from './settleVerification.js';
import { VERIFICATION_ERRORS } from './verificationErrors.js';
import type { VerificationRecord } from './VerificationRecord.js';
import { latestByIdentity } from './VerificationState.js';

/** Where each method's report carries its secret (REFERENCE §5.5). */
const REPORT_FIELDS = {
  sms: ['sms', 'code'],
  whatsapp: ['whatsapp', 'code'],
  callout: ['callout', 'code'],
  flashcall: ['flashCall', 'cli'],
} as const;

/** Seed 002, 40001: "Maximum 10 characters. Valid characters: A-Z, a-z, 0-9, '-'". */
const SMS_CODE_PATTERN = /^[A-Za-z0-9-]{1,10}$/;

type ReportMethod = keyof typeof REPORT_FIELDS;

interface ReportCommand {
  method: ReportMethod;
  secret: string;
}

/** `PUT /verifications/id/{id}`: reports the verification with that id (404 40400 if none). */
export function reportByIdRoute(context: SimulatorContext): RouteHandler {
  return (request) =>
    report(context, request, (command) => {
      const record = context.state.verification.verifications.get(request.params['id'] ?? '');
      if (record === undefined) return VERIFICATION_ERRORS.notFound();
      return record.method === command.method ? record : VERIFICATION_ERRORS.invalidRequest('Invalid identity or code.');
    });
}

/** `PUT /verifications/number/{endpoint}`: reports the latest verification of that number with the body's method. */
export function reportByIdentityRoute(context: SimulatorContext): RouteHandler {
  return (request) => {
    const endpoint = request.params['endpoint'];
    const problem = checkEndpoint(endpoint);
    if (problem !== undefined) return problem;
    return report(context, request, (command) =>
      latestByIdentity(context.state.verification, command.method, endpoint ?? '') ?? VERIFICATION_ERRORS.notFound(),
    );
  };
}

function report(
  context: SimulatorContext,
  request: SimulatorRequest,
  find: (command: ReportCommand) => VerificationRecord | SimulatorReply,
): SimulatorReply {
  const body = parseVerificationBody(request);
  if (isReply(body)) return body;
  const command = parseReport(body);
  if (isReply(command)) return command;
  const record = find(command);
  if (isReply(record)) return record;
  const state = context.state.verification;
  const outcome = applyReport(record, command.secret, state.maxWrongAttempts, Date.now());
  return {
    status: 200,
    body: {
      id: record.id,
      method: record.method,
      status: outcome.status,
      ...(outcome.reason !== undefined && { reason: outcome.reason }),
      ...((record.method === 'flashcall' || record.method === 'callout') && { callComplete: true }),
    },
  };
}

function parseReport(body: Record<string, unknown>): ReportCommand | SimulatorReply {
  const method = body['method'];
  if (method === undefined) return VERIFICATION_ERRORS.missingParameter('Method parameter is missing.');
  if (typeof method !== 'string' || !Object.hasOwn(REPORT_FIELDS, method)) {
    return VERIFICATION_ERRORS.invalidParameter(`Method ${String(method)} cannot be reported.`);
  }
  const [objectKey, secretKey] = REPORT_FIELDS[method as ReportMethod];
  const details = body[objectKey];
  const secret = typeof details === 'object' && details !== null ? (details as Record<string, unknown>)[secretKey] : undefined;
  if (typeof secret !== 'string' || secret === '') return VERIFICATION_ERRORS.missingParameter(`${secretKey === 'cli' ? 'Cli' : 'Code'} parameter is missing.`);
  if (method === 'sms' && !SMS_CODE_PATTERN.test(secret)) return VERIFICATION_ERRORS.invalidSmsCode();
  if (secret.length > 64) return VERIFICATION_ERRORS.invalidParameter('Supplied code has an invalid format.');
  return { method: method as ReportMethod, secret };
}
