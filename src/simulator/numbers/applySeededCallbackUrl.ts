import type { SimulatorContext } from '../core/SimulatorContext.js';
import { SIMULATOR_PROJECT_ID } from '../simulatorCredentials.js';
import { seedActiveNumbers } from './seedActiveNumbers.js';

/**
 * Points the seeded numbers at another callback URL: the ones whose `callbackUrl` is still the
 * seeded one (numbers the API changed keep theirs), and every number seeded by a later reset.
 */
export function applySeededCallbackUrl(context: SimulatorContext, url: string): void {
  const previous = context.config.seededCallbackUrl;
  const seeded = new Set(seedActiveNumbers({ projectId: SIMULATOR_PROJECT_ID, extraNumbers: context.config.extraNumbers }).map((record) => record.phoneNumber));
  const numbers = context.state.projects.get(SIMULATOR_PROJECT_ID)?.numbers;
  for (const record of numbers?.activeNumbers.values() ?? []) {
    if (seeded.has(record.phoneNumber) && record.callbackUrl === previous) record.callbackUrl = url;
  }
  context.config.seededCallbackUrl = url;
}
