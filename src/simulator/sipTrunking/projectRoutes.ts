import { SIMULATOR_PROJECTS } from '../simulatorCredentials.js';
import { BodyReader, parseJsonObject } from './parseSipBody.js';
import { notFound, SIP_MESSAGES } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';

/**
 * `POST /addProjects`: ids already known (the project itself included) are ignored (§6.2); an id
 * of no project the simulator serves is 404 "Could not find Project with id" and adds nothing.
 */
export function registerProjectRoutes(sip: SipTrunkingModule): void {
  sip.route('POST', '/addProjects', (request) => {
    const body = parseJsonObject(request);
    if (!body.ok) return body.reply;
    const reader = new BodyReader(body.value);
    const projectIds = reader.stringArray('projectIds');
    const problems = reader.problems();
    if (problems !== undefined) return problems;
    // An id the simulator does not serve is no project of the account (seed 003, 404).
    const unknown = projectIds.find((id) => !SIMULATOR_PROJECTS.some((project) => project.projectId === id));
    if (unknown !== undefined) return notFound(SIP_MESSAGES.projectNotFound(unknown));
    const added = [...new Set(projectIds)].filter((id) => id !== sip.projectId && !sip.state.addedProjects.has(id));
    for (const id of added) sip.state.addedProjects.add(id);
    return { status: 200, body: { addedProjects: added } };
  });
}
