import { SIMULATOR_PROJECTS, type SimulatorProject } from '../simulatorCredentials.js';

/** The simulated project an access key id belongs to; undefined for an unknown key. */
export function findSimulatorProject(keyId: string | null | undefined): SimulatorProject | undefined {
  return SIMULATOR_PROJECTS.find((project) => project.keyId === keyId);
}
