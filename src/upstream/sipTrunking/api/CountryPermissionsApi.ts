import { idSegment, pathOf } from '../../http/pathSegment.js';
import type { LoaderScope } from '../../LoaderScope.js';
import type { EstHttp } from '../EstHttp.js';
import type { CountryPermission } from '../SipTrunkingModels.js';
import { parseEstPage } from '../wire/parseEstPage.js';
import { parseCountryPermission } from '../wire/parseSipTrunkingResources.js';

/** Which countries the project may call (REFERENCE §6.2): not paged, about 50 entries. */
export class CountryPermissionsApi {
  constructor(private readonly est: EstHttp) {}

  async list(scope: LoaderScope): Promise<CountryPermission[]> {
    const route = '/countryPermissions';
    const body = await this.est.send(scope, { method: 'GET', path: pathOf`/v1/projects/${this.est.project(scope)}/countryPermissions`, route });
    return parseEstPage(body, this.est.endpoint('GET', route), ['countryPermissions'], parseCountryPermission, { page: 1, size: 0 }).items;
  }

  async get(scope: LoaderScope, isoCode: string): Promise<CountryPermission> {
    const route = '/countryPermissions/{isoCode}';
    const body = await this.est.send(scope, { method: 'GET', path: this.permissionPath(scope, isoCode), route });
    return parseCountryPermission(body, this.est.endpoint('GET', route));
  }

  async update(scope: LoaderScope, isoCode: string, enabled: boolean): Promise<CountryPermission> {
    const route = '/countryPermissions/{isoCode}';
    const body = await this.est.send(scope, { method: 'PUT', path: this.permissionPath(scope, isoCode), route, json: { enabled } });
    return parseCountryPermission(body, this.est.endpoint('PUT', route));
  }

  private permissionPath(scope: LoaderScope, isoCode: string): string {
    return pathOf`/v1/projects/${this.est.project(scope)}/countryPermissions/${idSegment(isoCode, 'countryCode', 'isoCode')}`;
  }
}
