import { idSegment, pathOf, phoneNumberSegment } from '../../http/pathSegment.js';
import type { LoaderScope } from '../../LoaderScope.js';
import type { EstHttp, EstListCall } from '../EstHttp.js';
import type { EstPage, EstPageRequest, EstPhoneNumber } from '../SipTrunkingModels.js';
import { parseEstPhoneNumber } from '../wire/parseSipTrunkingResources.js';
import { trunkSegment } from './TrunksApi.js';

/**
 * The EST view of phone numbers routed to trunks (SDK 1.5 `phoneNumbers`). The documented way
 * to route a number is the Numbers API (REFERENCE §6.2, last paragraph); `add` and `remove` are
 * EST's own `POST /phoneNumbers` (the spec's AddPhoneNumberRequest) and `DELETE /phoneNumbers/{id}`
 * (docs/sip-trunking.md, "Two ways to put a number on a trunk").
 */
export class PhoneNumbersApi {
  constructor(private readonly est: EstHttp) {}

  async listByTrunk(scope: LoaderScope, trunkId: string, request: EstPageRequest): Promise<EstPage<EstPhoneNumber>> {
    return this.est.page(scope, this.listCall(scope, trunkId), request);
  }

  async listAllByTrunk(scope: LoaderScope, trunkId: string): Promise<EstPhoneNumber[]> {
    return this.est.all(scope, this.listCall(scope, trunkId));
  }

  async get(scope: LoaderScope, phoneNumber: string): Promise<EstPhoneNumber> {
    const route = '/phoneNumbers/{phoneNumber}';
    const path = pathOf`/v1/projects/${this.est.project(scope)}/phoneNumbers/${phoneNumberSegment(phoneNumber)}`;
    const body = await this.est.send(scope, { method: 'GET', path, route });
    return parseEstPhoneNumber(body, this.est.endpoint('GET', route));
  }

  /** Routes an active number of the project to a trunk at once; answers the EST phone number. */
  async add(scope: LoaderScope, trunkId: string, phoneNumber: string): Promise<EstPhoneNumber> {
    const route = '/phoneNumbers';
    // Both values are checked like path segments although they travel in the body.
    const json = { sipTrunkId: trunkSegment(trunkId).encoded, phoneNumber: phoneNumberSegment(phoneNumber).encoded };
    const body = await this.est.send(scope, { method: 'POST', path: pathOf`/v1/projects/${this.est.project(scope)}/phoneNumbers`, route, json });
    return parseEstPhoneNumber(body, this.est.endpoint('POST', route));
  }

  /** Takes a number off its trunk by the EST id of the assignment (`EstPhoneNumber.id`). */
  async remove(scope: LoaderScope, id: string): Promise<void> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/phoneNumbers/${idSegment(id, 'sipResourceId', 'id')}`;
    await this.est.send(scope, { method: 'DELETE', path, route: '/phoneNumbers/{id}' });
  }

  private listCall(scope: LoaderScope, trunkId: string): EstListCall<EstPhoneNumber> {
    // Validated like a path segment although it travels in the query: same ID, same rules.
    const sipTrunkId = trunkSegment(trunkId, 'sipTrunkId').encoded;
    const path = pathOf`/v1/projects/${this.est.project(scope)}/phoneNumbers`;
    return { path, route: '/phoneNumbers', keys: ['phoneNumbers'], parseItem: parseEstPhoneNumber, query: { sipTrunkId } };
  }
}
