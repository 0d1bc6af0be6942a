import type { SimulatorReply } from '../core/SimulatorRequest.js';
import type { CodeType, VerificationMethod } from './VerificationRecord.js';
import { VERIFICATION_ERRORS } from './verificationErrors.js';
import { checkEndpoint } from './parseVerificationBody.js';

/** A start request the simulator accepted, with its method's options resolved to defaults. */
export interface StartCommand {
  method: VerificationMethod;
  phoneNumber: string;
  reference: string | undefined;
  custom: string | undefined;
  codeType: CodeType | undefined;
  /** How long the verification stays reportable. */
  expirySeconds: number;
  /** Flash call only. */
  interceptionTimeoutSeconds: number;
}

const METHODS: readonly VerificationMethod[] = ['sms', 'flashcall', 'callout', 'seamless', 'whatsapp'];
const CODE_TYPES: readonly CodeType[] = ['Numeric', 'Alpha', 'Alphanumeric'];
const REFERENCE_PATTERN = /^[A-Za-z0-9._~-]{1,128}$/;
export const DEFAULT_EXPIRY_SECONDS = { sms: 600, whatsapp: 600, callout: 300, seamless: 300 } as const;
const DEFAULT_FLASH_CALL_INTERCEPTION_SECONDS = 45;
/** The flash call may be reported this long after its interception timeout (mock: 45 → 75). */
const FLASH_CALL_REPORT_GRACE_SECONDS = 30;

/** Validates a start body (REFERENCE §5.3) and answers what Sinch answers for a bad one. */
export function parseStartRequest(body: Record<string, unknown>): StartCommand | SimulatorReply {
  const identity = body['identity'];
  if (typeof identity !== 'object' || identity === null) return VERIFICATION_ERRORS.missingParameter('Identity parameter is missing.');
  const { type, endpoint } = identity as Record<string, unknown>;
  if (type !== 'number') return VERIFICATION_ERRORS.invalidParameter('Identity type must be number.');
  const endpointProblem = checkEndpoint(endpoint);
  if (endpointProblem !== undefined) return endpointProblem;

  const method = body['method'];
  if (method === undefined) return VERIFICATION_ERRORS.missingParameter('Method parameter is missing.');
  if (!METHODS.includes(method as VerificationMethod)) return VERIFICATION_ERRORS.invalidParameter(`Method ${String(method)} is not supported.`);

  const reference = body['reference'];
  if (reference !== undefined && (typeof reference !== 'string' || !REFERENCE_PATTERN.test(reference))) {
    return VERIFICATION_ERRORS.invalidParameter('Reference must be 1 to 128 URL path safe characters.');
  }
  const custom = body['custom'];
  if (custom !== undefined && (typeof custom !== 'string' || custom.length > 4096)) {
    return VERIFICATION_ERRORS.invalidParameter('Custom must be a string of at most 4096 characters.');
  }
  const options = optionsOf(body, method as VerificationMethod);
  if (options === undefined) return VERIFICATION_ERRORS.invalidParameter('Options must be an object.');
  const common = { method: method as VerificationMethod, phoneNumber: endpoint as string, reference, custom };

  switch (method as VerificationMethod) {
    case 'sms':
    case 'whatsapp': {
      const codeType = options['codeType'];
      if (codeType !== undefined && !CODE_TYPES.includes(codeType as CodeType)) return VERIFICATION_ERRORS.invalidParameter(`Code type ${String(codeType)} is not supported.`);
      // Only SMS has an expiry option; other unknown option keys are ignored, as the spec allows them.
      const expiry = method === 'sms' ? options['expiry'] : undefined;
      const expirySeconds = expiry === undefined ? DEFAULT_EXPIRY_SECONDS[method as 'sms' | 'whatsapp'] : parseExpiry(expiry);
      if (expirySeconds === undefined) return VERIFICATION_ERRORS.invalidParameter('Expiry must be HH:MM:SS.');
      return { ...common, codeType: (codeType as CodeType | undefined) ?? 'Numeric', expirySeconds, interceptionTimeoutSeconds: 0 };
    }
    case 'flashcall': {
      const dialTimeout = options['dialTimeout'];
      const interception = options['interceptionTimeout'] ?? DEFAULT_FLASH_CALL_INTERCEPTION_SECONDS;
      if (!isTimeout(interception) || (dialTimeout !== undefined && !isTimeout(dialTimeout))) {
        return VERIFICATION_ERRORS.invalidParameter('Flash call timeouts must be whole seconds between 5 and 120.');
      }
      return { ...common, codeType: undefined, expirySeconds: interception + FLASH_CALL_REPORT_GRACE_SECONDS, interceptionTimeoutSeconds: interception };
    }
    case 'callout':
    case 'seamless':
      return { ...common, codeType: undefined, expirySeconds: DEFAULT_EXPIRY_SECONDS[method as 'callout' | 'seamless'], interceptionTimeoutSeconds: 0 };
  }
}

const OPTION_KEYS: Record<VerificationMethod, string | undefined> = {
  sms: 'smsOptions',
  flashcall: 'flashCallOptions',
  callout: 'calloutOptions',
  seamless: undefined,
  whatsapp: 'whatsappOptions',
};

function optionsOf(body: Record<string, unknown>, method: VerificationMethod): Record<string, unknown> | undefined {
  const key = OPTION_KEYS[method];
  const value = key === undefined ? undefined : body[key];
  if (value === undefined) return {};
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function parseExpiry(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^([0-9]{2}):([0-5][0-9]):([0-5][0-9])$/.exec(value) : null;
  if (match === null) return undefined;
  const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  return seconds > 0 ? seconds : undefined;
}

function isTimeout(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 5 && (value as number) <= 120;
}
