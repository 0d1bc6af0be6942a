import { AVAILABLE_NUMBER_CATALOG } from '../availableNumberCatalog.js';
import type { NumberType } from '../numbersEnums.js';

/**
 * KYC requirements per region and type. The real answer is a free-form policy document
 * (spec example `lookupAuKycRequirementsRes`); the simulator derives a small, stable one
 * from the catalog's `supportingDocumentationRequired`, so tests can read what to send.
 */
export function numberRequirements(regionCode: string, numberType: NumberType): { fields: Record<string, unknown>; attachments: unknown[] } {
  const documented = AVAILABLE_NUMBER_CATALOG.some(
    (candidate) => candidate.regionCode === regionCode && candidate.type === numberType && candidate.supportingDocumentationRequired,
  );
  if (!documented) return { fields: {}, attachments: [] };
  return {
    fields: {
      schema: '/schema/policySchema-v1.json',
      rules: [{ template: { endBusinessName: '', endBusinessAddress: '', city: '', postalCode: '', country: regionCode } }],
    },
    attachments: [
      {
        id: `${regionCode.toLowerCase()}-${numberType.toLowerCase()}-proof-of-address`,
        description: 'A document dated within the last 3 months showing the end business address',
        mandatory: false,
        template: [],
        title: 'Proof of address',
        allowedMimeTypes: ['application/pdf'],
        allowedDocumentTypes: ['Utility bill', 'Bank statement'],
      },
    ],
  };
}
