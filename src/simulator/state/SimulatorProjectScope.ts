import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which simulated project the code running now acts for. Route modules read `context.state`
 * without knowing about projects; the state's accessors ask this scope which project's slices
 * to hand out. The auth guard enters the scope of the project whose key authenticated the
 * request, and timers started while handling it (provisioning) inherit it. Outside any scope
 * (admin routes, unauthenticated routes) it is the main project, as it always was.
 */
const currentProject = new AsyncLocalStorage<string>();

export function runInSimulatorProject<T>(projectId: string, action: () => T): T {
  return currentProject.run(projectId, action);
}

export function currentSimulatorProjectId(): string | undefined {
  return currentProject.getStore();
}
