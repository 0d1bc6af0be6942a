import { createActiveNumberRecord } from '../numbers/createActiveNumberRecord.js';
import { seedNumbersState, type NumbersState } from '../numbers/NumbersState.js';
import type { SimulatorConfig } from '../SimulatorOptions.js';
import { SECOND_SIMULATOR_PROJECT, SIMULATOR_PROJECT_ID } from '../simulatorCredentials.js';
import { seedVerificationState, type VerificationState } from '../verification/VerificationState.js';
import { seedSipTrunkingState, type SipTrunkingState } from '../sipTrunking/SipTrunkingState.js';
import { currentSimulatorProjectId } from './SimulatorProjectScope.js';
import type { AuthenticatedRequest } from './AuthenticatedRequest.js';

/**
 * Everything the simulated Sinch account holds, one slice per service. A new service adds
 * its slice here and seeds it in `seedSimulatorState`; the admin reset reseeds all slices
 * in place, so route modules may keep a reference to this object.
 *
 * `projectId` and the slices are those of the project the current request acts for
 * (`SimulatorProjectScope`; the main project outside any request). They are non-enumerable
 * accessors over `projects`, so the reset's `Object.assign` replaces `projects` and the
 * accessors keep working.
 */
export interface SimulatorState {
  readonly projectId: string;
  readonly numbers: NumbersState;
  readonly verification: VerificationState;
  readonly sipTrunking: SipTrunkingState;
  /** Every simulated project's slices, by project id. */
  projects: Map<string, SimulatorProjectState>;
  /** Which key authenticated each project-scoped request, in arrival order. */
  authentications: AuthenticatedRequest[];
}

export interface SimulatorProjectState {
  projectId: string;
  numbers: NumbersState;
  verification: VerificationState;
  sipTrunking: SipTrunkingState;
}

export function seedSimulatorState(config: SimulatorConfig): SimulatorState {
  const main: SimulatorProjectState = {
    projectId: SIMULATOR_PROJECT_ID,
    numbers: seedNumbersState({ projectId: SIMULATOR_PROJECT_ID, extraNumbers: config.extraNumbers, callbackUrl: config.seededCallbackUrl }),
    verification: seedVerificationState(),
    sipTrunking: seedSipTrunkingState({ now: new Date() }),
  };
  const state: Pick<SimulatorState, 'projects' | 'authentications'> = {
    projects: new Map([main, seedSecondProject()].map((project) => [project.projectId, project])),
    authentications: [],
  };
  const current = (): SimulatorProjectState => {
    const projectId = currentSimulatorProjectId();
    return (projectId === undefined ? undefined : state.projects.get(projectId)) ?? (state.projects.get(SIMULATOR_PROJECT_ID) as SimulatorProjectState);
  };
  return Object.defineProperties(state, {
    projectId: { get: () => current().projectId, enumerable: false },
    numbers: { get: () => current().numbers, enumerable: false },
    verification: { get: () => current().verification, enumerable: false },
    sipTrunking: { get: () => current().sipTrunking, enumerable: false },
  }) as SimulatorState;
}

/** Three numbers of its own (+1 312 555 01xx, fictional), nothing else: data no other project has. */
function seedSecondProject(): SimulatorProjectState {
  const { projectId } = SECOND_SIMULATOR_PROJECT;
  const numbers = seedNumbersState({ projectId });
  numbers.activeNumbers = new Map(
    [1, 2, 3].map((index) => {
      const phoneNumber = `+131255501${String(index).padStart(2, '0')}`;
      return [phoneNumber, createActiveNumberRecord({ projectId, phoneNumber, displayName: `Second project line ${index}`, nextChargeDate: '2026-12-02T09:00:00Z' })];
    }),
  );
  const sipTrunking = seedSipTrunkingState({ now: new Date() });
  for (const value of Object.values(sipTrunking)) {
    if (value instanceof Map || value instanceof Set) value.clear();
  }
  sipTrunking.calls = [];
  return { projectId, numbers, verification: seedVerificationState(), sipTrunking };
}
