import type { SimulatorReply, SimulatorRequest } from '../core/SimulatorRequest.js';
import { forbidden, internalServerError } from './sipTrunkingErrors.js';

/**
 * Trunk ids that make every SIP Trunking route naming that trunk in its path (the trunk, its
 * endpoints, its ACL and credential list links) answer one error of seed 003 that no realistic
 * request causes through a correct client: 403 FORBIDDEN (the seed gives no message) and 500
 * "Internal Server Error". They are valid ULIDs that no trunk will ever have; the last three
 * digits are the status (docs/simulator.md).
 */
export const SIP_TROUBLE_TRUNK_IDS = {
  forbidden: '01JBQ6ERR0R000000000000403',
  internalServerError: '01JBQ6ERR0R000000000000500',
} as const;

const REPLIES: Readonly<Record<string, () => SimulatorReply>> = {
  [SIP_TROUBLE_TRUNK_IDS.forbidden]: forbidden,
  [SIP_TROUBLE_TRUNK_IDS.internalServerError]: internalServerError,
};

export function sipTroubleReply(request: SimulatorRequest): SimulatorReply | undefined {
  const trunkId = request.params['sipTrunkId'] ?? request.params['trunkId'];
  return trunkId !== undefined && Object.hasOwn(REPLIES, trunkId) ? REPLIES[trunkId]?.() : undefined;
}
