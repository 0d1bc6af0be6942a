import type {
  AccessControlListInput,
  CallBlockingRuleInput,
  CallRecordFilter,
  RegisteredSipEndpointInput,
  ReplaceSipTrunkInput,
  StaticSipEndpointInput,
} from '../../../generated/graphql.js';
import type { AccessControlListWrite, IpRangeWrite } from '../../../upstream/sipTrunking/api/AccessControlListsApi.js';
import type { CallBlockingRuleWrite } from '../../../upstream/sipTrunking/api/CallBlockingRulesApi.js';
import type { CallRecordQuery } from '../../../upstream/sipTrunking/api/CallsApi.js';
import type { SipEndpointWrite } from '../../../upstream/sipTrunking/api/SipEndpointsApi.js';
import type { SipTrunkWrite } from '../../../upstream/sipTrunking/api/TrunksApi.js';

/**
 * GraphQL inputs to the client's write models. The SDL defaults (`port = 5060`, ...) have
 * already been applied by graphql-js; the `??` fallbacks only cover an explicit `null`,
 * which for a whole-resource PUT means "the default", never "keep the current value".
 */

export function toTrunkWrite(input: ReplaceSipTrunkInput): SipTrunkWrite {
  return {
    name: input.name,
    hostName: input.hostName,
    enableCallerName: input.enableCallerName ?? false,
    callForwardNumber: input.callForwardNumber ?? '',
    enableCallForward: input.enableCallForward ?? false,
  };
}

export function toStaticEndpointWrite(input: StaticSipEndpointInput): SipEndpointWrite {
  return { kind: 'STATIC', name: input.name, address: input.address, port: input.port ?? 5060, transport: input.transport ?? 'UDP', priority: input.priority, enabled: input.enabled ?? true };
}

export function toRegisteredEndpointWrite(input: RegisteredSipEndpointInput): SipEndpointWrite {
  return { kind: 'REGISTERED', name: input.name, credentialUsername: input.credentialUsername, transport: input.transport ?? 'UDP', priority: input.priority, enabled: input.enabled ?? true };
}

export function toIpRangeWrite(input: { description?: string | null; ipAddress: string; range?: number | null }): IpRangeWrite {
  return { description: input.description ?? undefined, ipAddress: input.ipAddress, range: input.range ?? 32 };
}

export function toAccessControlListWrite(input: AccessControlListInput): AccessControlListWrite {
  return { name: input.name, enabled: input.enabled ?? true, ipRanges: input.ipRanges.map(toIpRangeWrite) };
}

export function toCallBlockingRuleWrite(input: CallBlockingRuleInput): CallBlockingRuleWrite {
  return {
    name: input.name ?? undefined,
    direction: input.direction,
    callerCountry: input.callerCountry ?? undefined,
    calleeCountry: input.calleeCountry ?? undefined,
    callerMatch: input.callerMatch ?? undefined,
    calleeMatch: input.calleeMatch ?? undefined,
  };
}

export function toCallRecordQuery(filter: CallRecordFilter | null | undefined): CallRecordQuery {
  return {
    from: filter?.from ?? undefined,
    to: filter?.to ?? undefined,
    trunkId: filter?.trunkId ?? undefined,
    createdAfter: filter?.createdAfter ?? undefined,
    createdBefore: filter?.createdBefore ?? undefined,
    callResults: filter?.results ?? undefined,
    directions: filter?.directions ?? undefined,
  };
}
