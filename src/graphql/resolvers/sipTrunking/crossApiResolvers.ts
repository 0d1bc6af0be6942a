import type { Resolvers } from '../../../generated/graphql.js';
import { firstErrorOrValues, loadReferencedTrunk, toE164 } from './sipResolverHelpers.js';

/**
 * The fields that join the two APIs into one graph: Numbers types gain their trunk, SIP types
 * gain their active numbers. Both sides go through the per-request loaders of their own API.
 */
export const crossApiResolvers: Resolvers = {
  VoiceConfiguration: {
    // Only the configuration in effect: a pending EST change shows under `scheduledProvisioning.trunk`.
    trunk: (voice, _, context, info) => (voice.type === 'EST' ? loadReferencedTrunk(context, voice.trunkId, info) : null),
  },
  VoiceProvisioningStatus: {
    trunk: (scheduled, _, context, info) => (scheduled.type === 'EST' ? loadReferencedTrunk(context, scheduled.trunkId, info) : null),
  },
  SipTrunk: {
    numbers: async (trunk, _, { sipTrunking, numbers }) => {
      const entries = await sipTrunking.loaders.trunkPhoneNumbers.load(trunk.id);
      const active = firstErrorOrValues(await numbers.loaders.activeNumber.loadMany(entries.map((entry) => entry.phoneNumber)));
      return active.filter((number) => number !== null);
    },
  },
  EstPhoneNumber: {
    number: (entry, _, { numbers }) => numbers.loaders.activeNumber.load(entry.phoneNumber),
  },
  CallRecord: {
    sinchNumber: (call) => toE164(call.direction === 'OUTBOUND' ? call.from : call.to),
    // A number that is not the project's is an answer (null), not an error: the Numbers loader maps its 404 to null.
    number: (call, _, { numbers }) => {
      const phoneNumber = toE164(call.direction === 'OUTBOUND' ? call.from : call.to);
      return phoneNumber === null ? null : numbers.loaders.activeNumber.load(phoneNumber);
    },
  },
};
