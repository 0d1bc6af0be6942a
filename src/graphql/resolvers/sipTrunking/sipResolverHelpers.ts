import { ID_PATTERNS, E164_PATTERN, idSegment } from '../../../upstream/http/pathSegment.js';
import type { SipTrunk } from '../../../upstream/sipTrunking/SipTrunkingModels.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../../GatewayContext.js';
import { prefetchTrunkChildren } from './prefetchTrunkChildren.js';

/**
 * Checks Elastic SIP Trunking ids under the names of their GraphQL arguments (`{ trunkId, id }`,
 * in path order), so a BAD_USER_INPUT names the argument the client sent: the clients and
 * loaders check them too, under their own key names (`sipTrunkId`, `credentialListId`).
 */
export function checkSipIds(args: Record<string, string>): void {
  for (const [argumentName, value] of Object.entries(args)) idSegment(value, 'sipResourceId', argumentName);
}

/**
 * Loads a trunk referenced by another resource (a number's voice configuration, a call record).
 * An id that is not a ULID cannot name an EST trunk, so it resolves to null without a call.
 */
export function loadReferencedTrunk(context: GatewayContext, trunkId: string | null | undefined, info?: GraphQLResolveInfo): Promise<SipTrunk | null> | null {
  if (trunkId === null || trunkId === undefined || !ID_PATTERNS.sipResourceId.test(trunkId)) return null;
  if (info !== undefined) prefetchTrunkChildren(context, trunkId, info);
  return context.sipTrunking.loaders.trunk.load(trunkId);
}

/**
 * A call party as EST writes it (`+12015550110`, `12015550110`, `sip:+12015550110@203.0.113.7`)
 * as E.164, or null when it is not a phone number.
 */
export function toE164(party: string | null): string | null {
  if (party === null) return null;
  const user = (party.replace(/^sips?:/i, '').split('@')[0] ?? '').split(';')[0] ?? '';
  const candidate = user.startsWith('+') ? user : `+${user}`;
  return E164_PATTERN.test(candidate) ? candidate : null;
}

/** Throws the first Error of a `loadMany` result; DataLoader reports failures as values there. */
export function firstErrorOrValues<T>(results: Array<T | Error>): T[] {
  const failure = results.find((result): result is Error => result instanceof Error);
  if (failure !== undefined) throw failure;
  return results as T[];
}
