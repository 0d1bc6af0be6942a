import type { Money } from './ActiveNumberRecord.js';
import type { NumberCapability, NumberType } from './numbersEnums.js';

export interface AvailableNumberRecord {
  phoneNumber: string;
  regionCode: string;
  type: NumberType;
  capability: NumberCapability[];
  setupPrice: Money;
  monthlyPrice: Money;
  paymentIntervalMonths: number;
  supportingDocumentationRequired: boolean;
}

export interface AvailableRegionRecord {
  regionCode: string;
  regionName: string;
  types: NumberType[];
}

interface NumberBlock {
  regionCode: string;
  type: NumberType;
  /** E.164 prefixes; each block contributes `perPrefix` numbers after every prefix. */
  prefixes: string[];
  firstSuffix: number;
  suffixDigits: number;
  perPrefix: number;
  capability: (index: number) => NumberCapability[];
  monthly: string;
  supportingDocumentationRequired: boolean;
}

const smsAndVoice = (): NumberCapability[] => ['SMS', 'VOICE'];
const voiceOnly = (): NumberCapability[] => ['VOICE'];

/**
 * Fictional-number ranges where the country has them (US/CA 555-02XX, UK 07700 900XXX and
 * 0113 496 0XXX, SE 070-17406XX, AU 0491 570 XXX), so nothing here can dial a real person.
 */
const BLOCKS: NumberBlock[] = [
  {
    regionCode: 'US', type: 'LOCAL', prefixes: ['+1201555', '+1206555', '+1212555', '+1312555', '+1415555', '+1617555', '+1720555', '+1737555'],
    firstSuffix: 200, suffixDigits: 4, perPrefix: 12,
    // Every fourth US local number is voice only, so capability filters have something to drop.
    capability: (index) => (index % 4 === 3 ? ['VOICE'] : ['SMS', 'VOICE']),
    monthly: '1.00', supportingDocumentationRequired: true,
  },
  { regionCode: 'US', type: 'TOLL_FREE', prefixes: ['+1833555', '+1844555'], firstSuffix: 200, suffixDigits: 4, perPrefix: 10, capability: smsAndVoice, monthly: '2.00', supportingDocumentationRequired: true },
  { regionCode: 'CA', type: 'LOCAL', prefixes: ['+1613555', '+1416555'], firstSuffix: 200, suffixDigits: 4, perPrefix: 10, capability: smsAndVoice, monthly: '1.00', supportingDocumentationRequired: false },
  { regionCode: 'CA', type: 'TOLL_FREE', prefixes: ['+1888555'], firstSuffix: 200, suffixDigits: 4, perPrefix: 10, capability: voiceOnly, monthly: '2.00', supportingDocumentationRequired: false },
  { regionCode: 'GB', type: 'MOBILE', prefixes: ['+447700900'], firstSuffix: 200, suffixDigits: 3, perPrefix: 20, capability: smsAndVoice, monthly: '1.50', supportingDocumentationRequired: false },
  { regionCode: 'GB', type: 'LOCAL', prefixes: ['+441134960'], firstSuffix: 100, suffixDigits: 3, perPrefix: 20, capability: voiceOnly, monthly: '1.50', supportingDocumentationRequired: true },
  { regionCode: 'SE', type: 'MOBILE', prefixes: ['+46701740'], firstSuffix: 610, suffixDigits: 3, perPrefix: 20, capability: smsAndVoice, monthly: '1.20', supportingDocumentationRequired: false },
  { regionCode: 'AU', type: 'MOBILE', prefixes: ['+61491570'], firstSuffix: 100, suffixDigits: 3, perPrefix: 20, capability: smsAndVoice, monthly: '3.00', supportingDocumentationRequired: true },
];

const REGION_NAMES: Record<string, string> = {
  US: 'United States',
  CA: 'Canada',
  GB: 'United Kingdom',
  SE: 'Sweden',
  AU: 'Australia',
};

function price(amount: string): Money {
  return { currencyCode: 'USD', amount };
}

function buildCatalog(): AvailableNumberRecord[] {
  return BLOCKS.flatMap((block) =>
    block.prefixes.flatMap((prefix) =>
      Array.from({ length: block.perPrefix }, (_, index) => ({
        phoneNumber: `${prefix}${String(block.firstSuffix + index).padStart(block.suffixDigits, '0')}`,
        regionCode: block.regionCode,
        type: block.type,
        capability: block.capability(index),
        setupPrice: price('0.00'),
        monthlyPrice: price(block.monthly),
        paymentIntervalMonths: 1,
        supportingDocumentationRequired: block.supportingDocumentationRequired,
      })),
    ),
  );
}

/** Every number the simulator can ever offer, whether or not it is rented right now. */
export const AVAILABLE_NUMBER_CATALOG: readonly AvailableNumberRecord[] = buildCatalog();

export const AVAILABLE_REGIONS: readonly AvailableRegionRecord[] = Object.entries(REGION_NAMES).map(([regionCode, regionName]) => ({
  regionCode,
  regionName,
  types: [...new Set(BLOCKS.filter((block) => block.regionCode === regionCode).map((block) => block.type))],
}));
