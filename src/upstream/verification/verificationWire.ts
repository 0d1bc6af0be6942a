import type { components } from '../../generated/openapi/verification.js';
import { isoDateTime } from '../isoDateTime.js';

/** The Verification API's wire types, generated from its OpenAPI document (`npm run codegen`). */
type Schemas = components['schemas'];

export type StartMethodWire = Schemas['VerificationMethodStart'];
export type ReportMethodWire = Schemas['VerificationMethodReport'];
export type CodeTypeWire = Schemas['SmsCodeType'];
export type VerificationStartRequestWire = Schemas['VerificationStartRequest'];
export type VerificationStartResponseWire = Schemas['VerificationStartResponse'];
export type VerificationReportRequestWire = Schemas['VerificationReportRequest'];
export type VerificationReportResponseWire = Schemas['VerificationReportResponse'];
export type VerificationStatusResponseWire = Schemas['VerificationStatusResponse'];
export type LinkWire = Schemas['Links'];
export type PriceWire = Schemas['Price'];
export type StatusPriceWire = Schemas['StatusPrice'];

/**
 * A start response as the gateway reads it: the union flattened so that a resolver can read
 * any method's details without narrowing, every detail optional (Sinch may omit any of them).
 */
export interface StartResponseFields {
  id: string;
  method: string;
  _links?: LinkWire[];
  sms?: { template?: string; interceptionTimeout?: number; codeType?: string };
  flashCall?: { cliFilter?: string; interceptionTimeout?: number; reportTimeout?: number; denyCallAfter?: number };
  seamless?: { targetUri?: string };
  whatsapp?: { codeType?: string };
}

/** A report response as the gateway reads it (enum strings kept open: Sinch may add values). */
export interface ReportResponseFields {
  id?: string;
  method: string;
  status?: string;
  reason?: string;
  callComplete?: boolean;
}

/** A status response as the gateway reads it: the union flattened, enum strings kept open. */
export interface StatusResponseFields {
  id?: string;
  method?: string;
  status?: string;
  reason?: string;
  reference?: string;
  identity?: IdentityFields;
  countryId?: string;
  verificationTimestamp?: string;
  source?: string;
  callComplete?: boolean;
  callResult?: string;
  price?: StatusPriceWire;
}

/**
 * A status response with a `verificationTimestamp` that is not a real date-time dropped, as if
 * Sinch had left it out: `Verification.timestamp` is then null, not a field error (the DateTime
 * scalar can not turn a value into null). A valid one is kept as sent; the scalar adds the `Z`.
 */
export function readStatusResponse(body: StatusResponseFields): StatusResponseFields {
  if (typeof body !== 'object' || body === null || !('verificationTimestamp' in body) || isoDateTime(body.verificationTimestamp) !== null) {
    return body;
  }
  const { verificationTimestamp: _dropped, ...rest } = body;
  return rest;
}

/** A start as the resolvers receive it: the method the gateway asked for decides the GraphQL type. */
export interface StartedVerification {
  requestedMethod: StartMethodWire;
  response: StartResponseFields;
  /** The `Content-Language` Sinch answered (the SMS language it used), when it did. */
  contentLanguage: string | undefined;
}

/** An identity as the gateway reads it. */
export interface IdentityFields {
  type?: string;
  endpoint?: string;
}
