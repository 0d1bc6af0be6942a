import { BodyReader, parseJsonObject } from './parseSipBody.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';

/** `POST /addProjects`: ids already known (the project itself included) are ignored (§6.2). */
export function registerProjectRoutes(sip: SipTrunkingModule): void {
  sip.route('POST', '/addProjects', (request) => {
    const body = parseJsonObject(request);
    if (!body.ok) return body.reply;
    const reader = new BodyReader(body.value);
    const projectIds = reader.stringArray('projectIds');
    const problems = reader.problems();
    if (problems !== undefined) return problems;
    const added = [...new Set(projectIds)].filter((id) => id !== sip.projectId && !sip.state.addedProjects.has(id));
    for (const id of added) sip.state.addedProjects.add(id);
    return { status: 200, body: { addedProjects: added } };
  });
}
