import { randomUUID } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { RouteHandler } from '../core/SimulatorRequest.js';
import type { SimulatorContext } from '../core/SimulatorContext.js';
import { deterministicSecret, lastFourDigits } from './deterministicSecret.js';
import { isReply, parseVerificationBody } from './parseVerificationBody.js';
import { parseStartRequest } from './parseStartRequest.js';
import { smsLanguage, toStartResponse } from './toStartResponse.js';
import { VELOCITY_WINDOW_SECONDS, VERIFICATION_ERRORS } from './verificationErrors.js';
import type { VerificationState } from './VerificationState.js';
import { verificationTroubleReply } from './verificationTroubleNumbers.js';
import type { VerificationRecord } from './VerificationRecord.js';

/**
 * `POST /verification/v1/verifications`: validates, enforces reference uniqueness (409 40900),
 * records the verification with its deterministic secret and answers the method's details.
 * Seamless is "not available" (403 40300) for numbers ending in 0000, so that error can be demoed;
 * a fifth start to one number within a minute is refused (429 42901, the velocity limit); the
 * trouble numbers `+99900<code>` answer their error (verificationTroubleNumbers.ts).
 */
export function startVerificationRoute(context: SimulatorContext): RouteHandler {
  return (request) => {
    const body = parseVerificationBody(request);
    if (isReply(body)) return body;
    const command = parseStartRequest(body);
    if (isReply(command)) return command;
    const trouble = verificationTroubleReply(command.phoneNumber);
    if (trouble !== undefined) return trouble;
    const state = context.state.verification;
    if (command.reference !== undefined && state.references.has(command.reference)) return VERIFICATION_ERRORS.referenceAlreadyDefined();
    if (command.method === 'seamless' && lastFourDigits(command.phoneNumber) === '0000') return VERIFICATION_ERRORS.seamlessNotAvailable();
    const now = Date.now();
    if (recentStarts(state, command.phoneNumber, now) >= state.velocityLimit) return VERIFICATION_ERRORS.velocityConstraint();

    const record: VerificationRecord = {
      id: randomUUID(),
      method: command.method,
      phoneNumber: command.phoneNumber,
      countryId: parsePhoneNumberFromString(command.phoneNumber)?.country,
      reference: command.reference,
      custom: command.custom,
      expected: deterministicSecret(command.method, command.phoneNumber, command.codeType),
      codeType: command.codeType,
      status: 'PENDING',
      reason: undefined,
      source: undefined,
      wrongAttempts: 0,
      expiresAt: now + command.expirySeconds * 1000,
      createdAt: now,
      updatedAt: now,
    };
    state.verifications.set(record.id, record);
    if (record.reference !== undefined) state.references.set(record.reference, record.id);

    const origin = `http://${request.headers.host ?? '127.0.0.1'}`;
    const acceptLanguage = request.headers['accept-language'];
    const { language, template } = smsLanguage(Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage);
    const interceptionTimeout = command.method === 'flashcall' ? command.interceptionTimeoutSeconds : command.expirySeconds;
    return {
      status: 200,
      headers: command.method === 'sms' ? { 'content-language': language } : {},
      body: toStartResponse(record, origin, template, interceptionTimeout),
    };
  };
}

/** Verifications started to the number within the velocity window. */
function recentStarts(state: VerificationState, phoneNumber: string, now: number): number {
  const since = now - VELOCITY_WINDOW_SECONDS * 1000;
  let count = 0;
  for (const record of state.verifications.values()) {
    if (record.phoneNumber === phoneNumber && record.createdAt > since) count += 1;
  }
  return count;
}


