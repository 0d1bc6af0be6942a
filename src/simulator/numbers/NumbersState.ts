import type { ActiveNumberRecord } from './ActiveNumberRecord.js';
import type { EmergencyAddressRecord } from './emergency/EmergencyAddressRecord.js';
import type { NumberOrderRecord } from './orders/NumberOrderRecord.js';
import { seedActiveNumbers, type SeedOptions } from './seedActiveNumbers.js';

/** The Numbers slice of the simulator state. */
export interface NumbersState {
  /** Keyed by E.164 phone number. */
  activeNumbers: Map<string, ActiveNumberRecord>;
  callbackConfiguration: { hmacSecret: string };
  /** Outcomes queued by `POST /__admin/provisioning/outcomes`; each is a list of error codes, empty = success. */
  scriptedOutcomes: Map<string, string[][]>;
  /** Keyed by `idNumberOrder`. */
  numberOrders: Map<string, NumberOrderRecord>;
  /** Provisioned emergency addresses, keyed by E.164 phone number. */
  emergencyAddresses: Map<string, EmergencyAddressRecord>;
}

export const SEED_HMAC_SECRET = 'simulator-hmac-secret-7f3a9c2e5b1d';

export function seedNumbersState(options: SeedOptions): NumbersState {
  return {
    activeNumbers: new Map(seedActiveNumbers(options).map((record) => [record.phoneNumber, record])),
    callbackConfiguration: { hmacSecret: SEED_HMAC_SECRET },
    scriptedOutcomes: new Map(),
    numberOrders: new Map(),
    emergencyAddresses: new Map(),
  };
}

/**
 * The numbers whose voice is routed to an Elastic SIP trunk right now (the job finished).
 * The SIP Trunking module reads assignments through this, never through the raw map.
 */
export function listNumbersAssignedToTrunk(state: NumbersState, trunkId: string): ActiveNumberRecord[] {
  return [...state.activeNumbers.values()].filter(
    (record) => record.voiceConfiguration.type === 'EST' && record.voiceConfiguration.trunkId === trunkId,
  );
}
