/**
 * Every error of seeds 000–003 that the catalogue (docs/error-examples.json) must show, copied from
 * the seeds: service, HTTP status, the code as `extensions.upstream.code` reports it, the upstream
 * status string and the message, with the seeds' placeholders (`$id`) as wildcards. Left out, as
 * the catalogue's issue says: 405 and 415 (the gateway never sends what causes them) and the
 * admin-only SIP messages about customers, project creation and project configuration.
 *
 * `reachable: false` marks the errors the simulator produces (docs/simulator.md) but no gateway
 * operation can: the gateway has no operation for the endpoint (the CSV export), its typed input
 * never sends the value that causes them (a direction, a timestamp), or it answers that 404 with
 * null (reads by domain and by number). They have no catalogue entry.
 */
export interface SeedError {
  seed: '000' | '001' | '002' | '003';
  service: 'NUMBERS' | 'VERIFICATION' | 'SIP_TRUNKING';
  httpStatus: number | null;
  code: string;
  /** The upstream's status string (`extensions.upstream.status`); null where the envelope has none. */
  status: string | null;
  /** A seed message with its placeholders; null where the seed gives none. */
  message: string | null;
  reachable?: false;
}

const provisioning = (code: string): SeedError => ({ seed: '000', service: 'NUMBERS', httpStatus: null, code, status: null, message: null });
const numbers = (httpStatus: number, code: string, status: string | null, message: string | null): SeedError => ({ seed: '001', service: 'NUMBERS', httpStatus, code, status, message });
const verification = (errorCode: number, name: string, message: string): SeedError => ({
  seed: '002',
  service: 'VERIFICATION',
  httpStatus: Math.floor(errorCode / 100),
  code: String(errorCode),
  status: `${Math.floor(errorCode / 100)} ${name}`,
  message,
});
const sip = (httpStatus: number, status: string, message: string | null, reachable?: false): SeedError => ({
  seed: '003',
  service: 'SIP_TRUNKING',
  httpStatus,
  code: String(httpStatus),
  status,
  message,
  ...(reachable === false && { reachable }),
});

export const SEED_ERRORS: readonly SeedError[] = [
  // Seed 000: the codes as the API sends them (the seed's 10DLC_LIMIT_EXCEEDED is EXCEEDED_10DLC_LIMIT on the wire).
  ...['CAMPAIGN_NOT_AVAILABLE', 'EXCEEDED_10DLC_LIMIT', 'NUMBER_PROVISIONING_FAILED', 'PARTNER_SERVICE_UNAVAILABLE', 'CAMPAIGN_PENDING_ACCEPTANCE', 'MNO_SHARING_ERROR', 'CAMPAIGN_PROVISIONING_FAILED', 'SMS_PROVISIONING_FAILED', 'INTERNAL_ERROR'].map(provisioning),
  numbers(400, 'syntax_constraint_violation', null, "The request body doesn't fulfill all of the constraints set by the API."),
  numbers(400, 'syntax_invalid_json', null, "The JSON in the request is invalid or doesn't conform to the API specification."),
  numbers(400, 'syntax_invalid_parameter_format', null, 'The format of a field value is invalid.'),
  // The seed's sample quotes an enum value the gateway's typed input never sends; the catalogue shows another INVALID_ARGUMENT.
  numbers(400, '400', 'INVALID_ARGUMENT', 'This endpoint only supports US LOCAL numbers; use a number order for other regions and types'),
  numbers(400, '400', 'FAILED_PRECONDITION', 'The project does not have enough credit to activate a number.'),
  numbers(401, '401', 'UNAUTHENTICATED', 'Authentication token is invalid.'),
  numbers(403, 'blocked_account', null, 'Your account has been blocked.'),
  numbers(403, 'illegal_number_type', null, 'Illegal phone number type of MSISDN for a chosen region was used.'),
  numbers(403, 'unknown_campaign', null, "The campaign ID doesn't match the specified originator."),
  numbers(403, '403', 'PERMISSION_DENIED', null),
  numbers(404, '404', 'NOT_FOUND', null),
  numbers(429, '429', 'RESOURCE_EXHAUSTED', 'The user or path has too many outstanding requests.'),
  numbers(500, '500', 'INTERNAL', "An unexpected internal error occurred and the request wasn't processed."),
  numbers(503, '503', 'UNAVAILABLE', 'The service is unable to perform the request at this point.'),
  verification(40001, 'ParameterValidation', "Supplied SMS code invalid format / The SMS code is not valid. Maximum 10 characters. Valid characters: A-Z, a-z, 0-9, '-'"),
  verification(40002, 'MissingParameter', 'Endpoint parameter is missing.'),
  verification(40003, 'InvalidRequest', 'Phone number invalid'),
  verification(40005, 'NumberMissingLeadingPlus', 'Phone number missing leading plus sign'),
  verification(40100, 'AuthorizationHeader', 'Invalid authorization header'),
  verification(40101, 'AuthorizationHeader', 'X-Timestamp required'),
  verification(40102, 'InvalidSignature', 'Invalid signature'),
  verification(40104, 'AuthorizationRequired', 'Authorization required'),
  verification(40107, 'InvalidAuthorization', 'Invalid authorization'),
  verification(40200, 'PaymentRequired', 'Not enough credit'),
  verification(40300, 'ForbiddenRequest', 'Seamless not available / Seamless verification not available for given destination'),
  verification(40303, 'RestrictedAction', 'No verification method available'),
  verification(40400, 'ResourceNotFound', 'Requested resource not found'),
  verification(40900, 'RequestConflict', 'Reference already defined'),
  verification(42200, 'ApplicationConfiguration', 'Application name has not been configured'),
  verification(42201, 'Unavailable', 'Destination denied'),
  verification(42900, 'CapacityExceeded', 'Request capacity exceeded'),
  verification(42901, 'VelocityConstraint', 'Cannot initiate verification to the same number too quickly'),
  verification(50000, 'InternalError', 'General error; try submitting request again'),
  verification(50300, 'TemporaryDown', 'Service temporarily unavailable'),
  verification(50301, 'ConfigurationError', 'Server configuration error; please contact support'),
  sip(400, 'BAD_REQUEST', 'The provided domain name is unavailable'),
  sip(400, 'BAD_REQUEST', 'The provided username is unavailable'),
  sip(400, 'BAD_REQUEST', "Phone Number '$phoneNumber' already exists"),
  sip(400, 'BAD_REQUEST', '$parent cannot be deleted while there are one or more ${child}s attached'),
  sip(400, 'BAD_REQUEST', '$child cannot be deleted while attached to a $parent'),
  sip(400, 'BAD_REQUEST', 'Invalid timestamp format, must match $CALL_RECORD_TIME_STAMP_FORMAT', false),
  sip(400, 'BAD_REQUEST', "Access control list with id '$aclId' is already added to trunk '$trunkId'"),
  sip(400, 'BAD_REQUEST', "Credential list with id '$clId' is already added to trunk '$trunkId'"),
  sip(400, 'BAD_REQUEST', 'Access Control Lists must contain at least one IP Range'),
  sip(400, 'BAD_REQUEST', 'Credential Lists must contain at least one Credential'),
  sip(400, 'BAD_REQUEST', 'Cannot delete SIP Trunk $trunkId when there are phone numbers assigned.'),
  sip(400, 'BAD_REQUEST', "Credential '$username' is already being used by a SIP Endpoint on SIP Trunk '$trunkId'"),
  sip(400, 'BAD_REQUEST', 'Phone number $number is already assigned to SIP Trunk $trunkId'),
  sip(400, 'BAD_REQUEST', 'Blocking rule already exists with the same parameters'),
  sip(400, 'BAD_REQUEST', 'Invalid $fieldName: $countryCode. Must be a valid ISO 3166-1 alpha-2 code.'),
  sip(400, 'BAD_REQUEST', 'Invalid direction type: $direction. Must be INBOUND or OUTBOUND.', false),
  sip(400, 'BAD_REQUEST', 'Direction field cannot be null or empty', false),
  sip(403, 'FORBIDDEN', null),
  sip(404, 'NOT_FOUND', "Could not find SIP Trunk with id '$id'"),
  // The gateway's reads by domain and by number answer this 404 with null, not an error.
  sip(404, 'NOT_FOUND', "Could not find SIP Trunk with domain '$domain'", false),
  sip(404, 'NOT_FOUND', "Could not find SIP Endpoint with id '$id'"),
  sip(404, 'NOT_FOUND', "Could not find phone number with id '$id'"),
  sip(404, 'NOT_FOUND', "Could not find phone number '$number'", false),
  sip(404, 'NOT_FOUND', "Could not find Project with id '$id'"),
  sip(404, 'NOT_FOUND', "Could not find Access Control List with id '$id'"),
  sip(404, 'NOT_FOUND', "Could not find IP Range with id '$id' in access control list with id '$aclId'"),
  sip(404, 'NOT_FOUND', "Access control list '$aclId' is not associated with trunk '$trunk'"),
  sip(404, 'NOT_FOUND', "Could not find Credential List with id '$id'"),
  sip(404, 'NOT_FOUND', "Could not find Credential with username '$username'"),
  sip(404, 'NOT_FOUND', "Could not find call ID '$callId'"),
  sip(404, 'NOT_FOUND', 'BlockingRule with ID $id not found for project $projectId'),
  sip(404, 'NOT_FOUND', "Export '$key' could not be found. Check this is the correct key name, if so, it may still be processing.", false),
  sip(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error'),
];

/** A seed message as a pattern: each `$name` / `${name}` placeholder stands for one or more characters. */
export function messagePattern(message: string): RegExp {
  const parts = message.split(/\$\{?[A-Za-z_]+\}?/);
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
}

export function matchesSeedError(seedError: SeedError, entry: { seed: string; service: string; httpStatus: number | null; code: string | null; message: string | null }): boolean {
  if (seedError.seed !== entry.seed || seedError.service !== entry.service || seedError.httpStatus !== entry.httpStatus || seedError.code !== entry.code) return false;
  if (seedError.message === null || entry.message === null) return seedError.message === entry.message;
  return messagePattern(seedError.message).test(entry.message);
}
