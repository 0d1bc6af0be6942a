import { pathOf } from '../../http/pathSegment.js';
import type { LoaderScope } from '../../LoaderScope.js';
import type { EstHttp } from '../EstHttp.js';
import { WireReader } from '../wire/WireReader.js';

/** `POST /addProjects`: lets other projects of the account use this project's trunks. */
export class ProjectsApi {
  constructor(private readonly est: EstHttp) {}

  /** Returns the projects that were added; ids already known are ignored by the API. */
  async add(scope: LoaderScope, projectIds: string[]): Promise<string[]> {
    const route = '/addProjects';
    const body = await this.est.send(scope, { method: 'POST', path: pathOf`/v1/projects/${this.est.project(scope)}/addProjects`, route, json: { projectIds } });
    return WireReader.of(body ?? {}, this.est.endpoint('POST', route), 'the added projects').stringArray('addedProjects') ?? [];
  }
}
