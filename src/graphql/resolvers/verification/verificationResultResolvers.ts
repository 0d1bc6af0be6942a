import type { Money, Resolvers } from '../../../generated/graphql.js';
import type { PriceWire } from '../../../upstream/verification/verificationWire.js';
import { callResultOf, methodOf, reasonOf, sourceOf, statusOf } from './verificationEnums.js';

/**
 * `Verification` (a status read), `VerificationReport` and their parts. Enum fields are read
 * open-ended (UNKNOWN plus the raw string); `timestamp` is passed as Sinch sends it (no zone)
 * and the DateTime scalar appends the `Z` it documents.
 */
export const verificationResultResolvers: Pick<Resolvers, 'Verification' | 'VerificationReport' | 'VerificationPrice' | 'VerificationIdentity'> = {
  Verification: {
    id: (parent) => parent.id ?? null,
    method: (parent) => methodOf(parent.method),
    methodRaw: (parent) => parent.method ?? null,
    status: (parent) => statusOf(parent.status),
    statusRaw: (parent) => parent.status ?? null,
    reason: (parent) => reasonOf(parent.reason),
    reasonRaw: (parent) => parent.reason ?? null,
    reference: (parent) => parent.reference ?? null,
    identity: (parent) => (parent.identity?.endpoint === undefined ? null : parent.identity),
    countryId: (parent) => parent.countryId ?? null,
    timestamp: (parent) => parent.verificationTimestamp ?? null,
    source: (parent) => sourceOf(parent.source),
    callComplete: (parent) => parent.callComplete ?? null,
    callResult: (parent) => callResultOf(parent.callResult),
    callResultRaw: (parent) => parent.callResult ?? null,
    price: (parent) => parent.price ?? null,
  },
  VerificationReport: {
    id: (parent) => parent.id ?? null,
    method: (parent) => methodOf(parent.method),
    methodRaw: (parent) => parent.method,
    status: (parent) => statusOf(parent.status),
    statusRaw: (parent) => parent.status ?? null,
    reason: (parent) => reasonOf(parent.reason),
    reasonRaw: (parent) => parent.reason ?? null,
    callComplete: (parent) => parent.callComplete ?? null,
  },
  VerificationPrice: {
    verificationPrice: (parent) => moneyOf(parent.verificationPrice),
    terminationPrice: (parent) => moneyOf(parent.terminationPrice),
    billableDurationSeconds: (parent) => parent.billableDuration ?? null,
  },
  VerificationIdentity: {
    // `number` is the only identity type Sinch has; an answer without one still means a number.
    type: (parent) => parent.type ?? 'number',
    endpoint: (parent) => parent.endpoint ?? '',
  },
};

/** Sinch sends amounts as JSON numbers; `Money.amount` is a decimal string (shortest exact form). */
function moneyOf(price: PriceWire | undefined): Money | null {
  if (price?.currencyId === undefined || price.amount === undefined) return null;
  return { currencyCode: price.currencyId, amount: String(price.amount) };
}
