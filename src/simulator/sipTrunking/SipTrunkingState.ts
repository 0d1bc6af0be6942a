import type {
  AccessControlListRecord,
  CallBlockingRuleRecord,
  CallRecord,
  CountryPermissionRecord,
  CredentialListRecord,
  EndpointRecord,
  PhoneNumberAssignment,
  TrunkRecord,
} from './SipTrunkingRecords.js';
import { seedSipTrunking } from './seedSipTrunking.js';

/**
 * The Elastic SIP Trunking slice of the simulator state. Maps keep insertion order, which is
 * the order lists are returned in. Phone numbers are not stored here: they are derived from
 * the Numbers slice (numbers whose voice configuration is EST), so the two APIs always agree.
 */
export interface SipTrunkingState {
  trunks: Map<string, TrunkRecord>;
  endpoints: Map<string, EndpointRecord>;
  accessControlLists: Map<string, AccessControlListRecord>;
  credentialLists: Map<string, CredentialListRecord>;
  /** trunk id → linked access control list ids, in link order. */
  trunkAccessControlLists: Map<string, string[]>;
  /** trunk id → linked credential list ids, in link order. */
  trunkCredentialLists: Map<string, string[]>;
  countryPermissions: Map<string, CountryPermissionRecord>;
  callBlockingRules: Map<string, CallBlockingRuleRecord>;
  calls: CallRecord[];
  /** Phone number → its EST entry id; an entry is renewed when the number moves to another trunk. */
  phoneNumberAssignments: Map<string, PhoneNumberAssignment>;
  /** Projects added with `POST /addProjects`. */
  addedProjects: Set<string>;
}

export interface SipTrunkingSeedOptions {
  /** Call records are seeded in the 24 hours before this instant (the API's default window). */
  now: Date;
}

export function seedSipTrunkingState(options: SipTrunkingSeedOptions): SipTrunkingState {
  return seedSipTrunking(options);
}
