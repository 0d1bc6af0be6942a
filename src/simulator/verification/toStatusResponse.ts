import type { VerificationRecord } from './VerificationRecord.js';

const CURRENCY = 'EUR';
/** Deterministic prices per method, so tests can assert them (docs/verification.md). */
export const SIMULATED_PRICES = {
  sms: 0.0308,
  whatsapp: 0.0206,
  flashcall: 0.0127,
  callout: 0.039,
  seamless: 0.0205,
  termination: 0.0125,
  billableDurationSeconds: 12,
} as const;

/**
 * The status response of REFERENCE §5.6. Prices appear only once the verification is no longer
 * PENDING; the timestamp has no zone and seven fractional digits, like Sinch's.
 */
export function toStatusResponse(record: VerificationRecord): Record<string, unknown> {
  const settled = record.status !== 'PENDING';
  const base = {
    id: record.id,
    method: record.method,
    status: record.status,
    ...(record.reason !== undefined && { reason: record.reason }),
    ...(record.reference !== undefined && { reference: record.reference }),
    identity: { type: 'number', endpoint: record.phoneNumber },
    ...(record.countryId !== undefined && { countryId: record.countryId }),
    verificationTimestamp: sinchTimestamp(record.updatedAt),
  };
  const verificationPrice = { currencyId: CURRENCY, amount: SIMULATED_PRICES[record.method] };
  switch (record.method) {
    case 'sms':
    case 'whatsapp':
    case 'seamless':
      return {
        ...base,
        ...(settled && { price: { verificationPrice } }),
        ...(record.source !== undefined && { source: record.source }),
      };
    case 'flashcall':
      return {
        ...base,
        callComplete: settled,
        ...(settled && { callResult: 'ANSWERED', price: { verificationPrice } }),
        ...(record.source !== undefined && { source: record.source }),
      };
    case 'callout':
      return {
        ...base,
        callComplete: settled,
        ...(settled && {
          callResult: record.status === 'SUCCESSFUL' ? 'COMPLETED' : 'ANSWERED',
          price: {
            verificationPrice,
            terminationPrice: { currencyId: CURRENCY, amount: SIMULATED_PRICES.termination },
            billableDuration: SIMULATED_PRICES.billableDurationSeconds,
          },
        }),
      };
  }
}

/** `2024-06-06T09:08:41.4780000`: UTC, no zone designator (Sinch's documented quirk). */
export function sinchTimestamp(epochMilliseconds: number): string {
  return `${new Date(epochMilliseconds).toISOString().slice(0, -1)}0000`;
}
