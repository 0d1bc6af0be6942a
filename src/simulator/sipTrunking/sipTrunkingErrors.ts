import type { SimulatorReply } from '../core/SimulatorRequest.js';
import { SIMULATOR_PROJECTS } from '../simulatorCredentials.js';

/**
 * The Elastic SIP Trunking error envelope `{code, status, message, details}` (REFERENCE §6.5,
 * seed 003), unwrapped: no source shows EST wrapping it in `error` the way Numbers does.
 * Every message below is copied from seed 003 with its placeholders filled in; tests compare
 * them character for character.
 */

export interface FieldViolation {
  field: string;
  description: string;
}

function envelope(code: number, status: string, message: string, details: unknown[] = []): SimulatorReply {
  return { status: code, body: { code, status, message, details } };
}

export const badRequest = (message: string) => envelope(400, 'BAD_REQUEST', message);
export const notFound = (message: string) => envelope(404, 'NOT_FOUND', message);

/** A body that fails validation before any seed-003 rule applies (missing or mistyped fields). */
export function validationFailed(violations: FieldViolation[]): SimulatorReply {
  const message = violations.map((violation) => `${violation.field}: ${violation.description}`).join('; ');
  return envelope(400, 'BAD_REQUEST', message, [{ type: 'BadRequest', fieldViolations: violations }]);
}

export const SIP_MESSAGES = {
  domainUnavailable: () => 'The provided domain name is unavailable',
  usernameUnavailable: () => 'The provided username is unavailable',
  parentHasChildren: (parent: string, child: string) => `${parent} cannot be deleted while there are one or more ${child}s attached`,
  childAttached: (child: string, parent: string) => `${child} cannot be deleted while attached to a ${parent}`,
  invalidTimestamp: () => `Invalid timestamp format, must match ${CALL_RECORD_TIME_STAMP_FORMAT}`,
  aclAlreadyAdded: (aclId: string, trunkId: string) => `Access control list with id '${aclId}' is already added to trunk '${trunkId}'`,
  credentialListAlreadyAdded: (clId: string, trunkId: string) => `Credential list with id '${clId}' is already added to trunk '${trunkId}'`,
  aclNeedsIpRange: () => 'Access Control Lists must contain at least one IP Range',
  credentialListNeedsCredential: () => 'Credential Lists must contain at least one Credential',
  trunkHasNumbers: (trunkId: string) => `Cannot delete SIP Trunk ${trunkId} when there are phone numbers assigned.`,
  credentialInUse: (username: string, trunkId: string) => `Credential '${username}' is already being used by a SIP Endpoint on SIP Trunk '${trunkId}'`,
  blockingRuleExists: () => 'Blocking rule already exists with the same parameters',
  invalidCountry: (fieldName: string, countryCode: string) => `Invalid ${fieldName}: ${countryCode}. Must be a valid ISO 3166-1 alpha-2 code.`,
  invalidDirection: (direction: string) => `Invalid direction type: ${direction}. Must be INBOUND or OUTBOUND.`,
  directionMissing: () => 'Direction field cannot be null or empty',
  trunkNotFound: (id: string) => `Could not find SIP Trunk with id '${id}'`,
  trunkDomainNotFound: (domain: string) => `Could not find SIP Trunk with domain '${domain}'`,
  endpointNotFound: (id: string) => `Could not find SIP Endpoint with id '${id}'`,
  phoneNumberNotFound: (number: string) => `Could not find phone number '${number}'`,
  aclNotFound: (id: string) => `Could not find Access Control List with id '${id}'`,
  ipRangeNotFound: (id: string, aclId: string) => `Could not find IP Range with id '${id}' in access control list with id '${aclId}'`,
  aclNotOnTrunk: (aclId: string, trunkId: string) => `Access control list '${aclId}' is not associated with trunk '${trunkId}'`,
  credentialListNotFound: (id: string) => `Could not find Credential List with id '${id}'`,
  credentialNotFound: (username: string) => `Could not find Credential with username '${username}'`,
  phoneNumberExists: (phoneNumber: string) => `Phone Number '${phoneNumber}' already exists`,
  phoneNumberOnOtherTrunk: (number: string, trunkId: string) => `Phone number ${number} is already assigned to SIP Trunk ${trunkId}`,
  phoneNumberIdNotFound: (id: string) => `Could not find phone number with id '${id}'`,
  projectNotFound: (id: string) => `Could not find Project with id '${id}'`,
  callNotFound: (callId: string) => `Could not find call ID '${callId}'`,
  exportNotFound: (key: string) => `Export '${key}' could not be found. Check this is the correct key name, if so, it may still be processing.`,
  blockingRuleNotFound: (id: string, projectId: string) => `BlockingRule with ID ${id} not found for project ${projectId}`,
} as const;

/**
 * Seed 003 leaves `$CALL_RECORD_TIME_STAMP_FORMAT` unexpanded; this is the format the
 * simulator accepts (a date-time, or a prefix of one such as `2021-02`).
 */
export const CALL_RECORD_TIME_STAMP_FORMAT = "yyyy[-MM[-dd['T'HH[:mm[:ss[.SSS]]]['Z']]]]";

export function unauthenticated(message: string, wwwAuthenticate: string): SimulatorReply {
  return { ...envelope(401, 'UNAUTHENTICATED', message), headers: { 'www-authenticate': wwwAuthenticate } };
}

/**
 * A project the key does not open: seed 003's 403 FORBIDDEN (it gives no message, so the message
 * is empty) for a project the simulator serves, and 404 "Could not find Project with id" for one
 * it does not know at all.
 */
export function permissionDenied(_message: string, projectId: string): SimulatorReply {
  return SIMULATOR_PROJECTS.some((project) => project.projectId === projectId) ? forbidden() : notFound(SIP_MESSAGES.projectNotFound(projectId));
}

export const forbidden = () => envelope(403, 'FORBIDDEN', '');
export const internalServerError = () => envelope(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
export const unknownSipPath = () => envelope(404, 'NOT_FOUND', 'Not Found');
export const sipMethodNotAllowed = (allowedMethods: string[]): SimulatorReply => ({
  ...envelope(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed'),
  headers: { allow: allowedMethods.join(', ') },
});
