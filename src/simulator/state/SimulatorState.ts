import { seedNumbersState, type NumbersState } from '../numbers/NumbersState.js';
import type { SimulatorConfig } from '../SimulatorOptions.js';
import { SIMULATOR_PROJECT_ID } from '../simulatorCredentials.js';
import { seedVerificationState, type VerificationState } from '../verification/VerificationState.js';
import { seedSipTrunkingState, type SipTrunkingState } from '../sipTrunking/SipTrunkingState.js';

/**
 * Everything the simulated Sinch account holds, one slice per service. A new service adds
 * its slice here and seeds it in `seedSimulatorState`; the admin reset reseeds all slices
 * in place, so route modules may keep a reference to this object.
 */
export interface SimulatorState {
  projectId: string;
  numbers: NumbersState;
  verification: VerificationState;
  sipTrunking: SipTrunkingState;
}

export function seedSimulatorState(config: SimulatorConfig): SimulatorState {
  return {
    projectId: SIMULATOR_PROJECT_ID,
    numbers: seedNumbersState({ projectId: SIMULATOR_PROJECT_ID, extraNumbers: config.extraNumbers }),
    verification: seedVerificationState(),
    sipTrunking: seedSipTrunkingState({ now: new Date() }),
  };
}
