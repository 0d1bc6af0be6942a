import type { SimulatorReply } from '../core/SimulatorRequest.js';
import { listNumbersAssignedToTrunk } from '../numbers/NumbersState.js';
import { notFound, SIP_MESSAGES } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import type { TrunkRecord } from './SipTrunkingRecords.js';

/** Runs `handle` with the trunk of the path, or answers the seed-003 404. */
export function withTrunk(sip: SipTrunkingModule, trunkId: string | undefined, handle: (trunk: TrunkRecord) => SimulatorReply): SimulatorReply {
  const trunk = sip.state.trunks.get(trunkId ?? '');
  return trunk === undefined ? notFound(SIP_MESSAGES.trunkNotFound(trunkId ?? '')) : handle(trunk);
}

/**
 * Numbers routed to the trunk, and numbers on their way to it (a scheduled EST voice job):
 * deleting the trunk under either would leave a number pointing at nothing.
 */
export function numbersOnTrunk(sip: SipTrunkingModule, trunkId: string): string[] {
  const pending = [...sip.numbers.activeNumbers.values()].filter(
    (record) => record.voiceConfiguration.scheduled?.type === 'EST' && record.voiceConfiguration.scheduled.trunkId === trunkId,
  );
  return [...listNumbersAssignedToTrunk(sip.numbers, trunkId), ...pending].map((record) => record.phoneNumber);
}

/** The trunks an access control list is linked to, in trunk order. */
export function trunksOfAccessControlList(sip: SipTrunkingModule, aclId: string): string[] {
  return [...sip.state.trunkAccessControlLists.entries()].filter(([, ids]) => ids.includes(aclId)).map(([trunkId]) => trunkId);
}

export function trunksOfCredentialList(sip: SipTrunkingModule, credentialListId: string): string[] {
  return [...sip.state.trunkCredentialLists.entries()].filter(([, ids]) => ids.includes(credentialListId)).map(([trunkId]) => trunkId);
}
