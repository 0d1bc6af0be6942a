import type { LoaderScope } from '../LoaderScope.js';
import { UpstreamError } from '../UpstreamError.js';
import type { UpstreamHttpClient, UpstreamRequest } from '../http/UpstreamHttpClient.js';
import { idSegment, pathOf, phoneNumberSegment } from '../http/pathSegment.js';
import type { PathSegment } from '../http/pathSegment.js';
import type {
  ActiveNumber,
  ActiveNumberRequest,
  AvailableNumber,
  AvailableRegion,
  CallbackConfiguration,
  CreateNumberOrderRequest,
  EmergencyAddress,
  EmergencyAddressRequest,
  ListActiveNumbersQuery,
  ListActiveNumbersResponse,
  ListAvailableNumbersQuery,
  ListAvailableNumbersResponse,
  ListAvailableRegionsResponse,
  NumberOrder,
  NumberOrderRegistration,
  NumberRequirements,
  NumberType,
  RentAnyNumberRequest,
  RentNumberRequest,
  ValidateAddressResponse,
} from './numbersWireTypes.js';

const PROJECT = '/v1/projects/{projectId}';

/**
 * One method per endpoint of the Sinch Numbers API (REFERENCE §4.2). Every path parameter goes
 * through `pathOf` and a validated segment, so an argument can never change the URL; every call
 * carries the request's abort signal. Errors are `UpstreamError`s from the HTTP client, except
 * a 2xx whose body is not the documented object, which becomes an `UPSTREAM_BAD_RESPONSE`.
 * The methods are async so that an invalid argument rejects the promise instead of throwing
 * synchronously: a loader's batch function can then treat every failure the same way.
 */
export class NumbersClient {
  constructor(readonly http: UpstreamHttpClient) {}

  async getActiveNumber(scope: LoaderScope, phoneNumber: string): Promise<ActiveNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}`;
    return this.send<ActiveNumber>(scope, { method: 'GET', path, route: `${PROJECT}/activeNumbers/{phoneNumber}` });
  }

  async listActiveNumbers(scope: LoaderScope, query: ListActiveNumbersQuery): Promise<ListActiveNumbersResponse> {
    return this.send<ListActiveNumbersResponse>(scope, {
      method: 'GET',
      path: pathOf`/v1/projects/${project(scope)}/activeNumbers`,
      route: `${PROJECT}/activeNumbers`,
      query: {
        regionCode: query.regionCode,
        type: query.type,
        // The spec declares `capability` an array: repeated keys, like `capabilities` elsewhere.
        capability: query.capabilities,
        'numberPattern.pattern': query.pattern?.pattern,
        'numberPattern.searchPattern': query.pattern?.searchPattern,
        orderBy: query.orderBy,
        pageSize: query.pageSize,
        pageToken: query.pageToken === '' ? undefined : query.pageToken,
      },
    });
  }

  async updateActiveNumber(scope: LoaderScope, phoneNumber: string, body: ActiveNumberRequest): Promise<ActiveNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}`;
    return this.send<ActiveNumber>(scope, { method: 'PATCH', path, route: `${PROJECT}/activeNumbers/{phoneNumber}`, json: body });
  }

  async releaseActiveNumber(scope: LoaderScope, phoneNumber: string): Promise<ActiveNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}:release`;
    return this.send<ActiveNumber>(scope, { method: 'POST', path, route: `${PROJECT}/activeNumbers/{phoneNumber}:release` });
  }

  async listAvailableNumbers(scope: LoaderScope, query: ListAvailableNumbersQuery): Promise<AvailableNumber[]> {
    const response = await this.send<ListAvailableNumbersResponse>(scope, {
      method: 'GET',
      path: pathOf`/v1/projects/${project(scope)}/availableNumbers`,
      route: `${PROJECT}/availableNumbers`,
      query: {
        regionCode: query.regionCode,
        type: query.type,
        capabilities: query.capabilities,
        'numberPattern.pattern': query.pattern?.pattern,
        'numberPattern.searchPattern': query.pattern?.searchPattern,
        size: query.size,
      },
    });
    return response.availableNumbers ?? [];
  }

  async getAvailableNumber(scope: LoaderScope, phoneNumber: string): Promise<AvailableNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/availableNumbers/${phoneNumberSegment(phoneNumber)}`;
    return this.send<AvailableNumber>(scope, { method: 'GET', path, route: `${PROJECT}/availableNumbers/{phoneNumber}` });
  }

  async rentNumber(scope: LoaderScope, phoneNumber: string, body: RentNumberRequest): Promise<ActiveNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/availableNumbers/${phoneNumberSegment(phoneNumber)}:rent`;
    return this.send<ActiveNumber>(scope, { method: 'POST', path, route: `${PROJECT}/availableNumbers/{phoneNumber}:rent`, json: body });
  }

  async rentAnyNumber(scope: LoaderScope, body: RentAnyNumberRequest): Promise<ActiveNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/availableNumbers:rentAny`;
    return this.send<ActiveNumber>(scope, { method: 'POST', path, route: `${PROJECT}/availableNumbers:rentAny`, json: body });
  }

  async listAvailableRegions(scope: LoaderScope, types?: readonly NumberType[]): Promise<AvailableRegion[]> {
    const response = await this.send<ListAvailableRegionsResponse>(scope, {
      method: 'GET',
      path: pathOf`/v1/projects/${project(scope)}/availableRegions`,
      route: `${PROJECT}/availableRegions`,
      query: { types },
    });
    return response.availableRegions ?? [];
  }

  async getCallbackConfiguration(scope: LoaderScope): Promise<CallbackConfiguration> {
    const path = pathOf`/v1/projects/${project(scope)}/callbackConfiguration`;
    return this.send<CallbackConfiguration>(scope, { method: 'GET', path, route: `${PROJECT}/callbackConfiguration` });
  }

  async updateCallbackConfiguration(scope: LoaderScope, hmacSecret: string): Promise<CallbackConfiguration> {
    const path = pathOf`/v1/projects/${project(scope)}/callbackConfiguration`;
    return this.send<CallbackConfiguration>(scope, {
      method: 'PATCH',
      path,
      route: `${PROJECT}/callbackConfiguration`,
      json: { hmacSecret },
    });
  }

  async lookupNumberRequirements(scope: LoaderScope, regionCode: string, numberType: NumberType): Promise<NumberRequirements> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders:lookupNumberRequirements`;
    return this.send<NumberRequirements>(scope, { method: 'POST', path, route: `${PROJECT}/numberOrders:lookupNumberRequirements`, json: { regionCode, numberType } });
  }

  async createNumberOrder(scope: LoaderScope, body: CreateNumberOrderRequest): Promise<NumberOrder> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders:createNumberOrder`;
    return this.send<NumberOrder>(scope, { method: 'POST', path, route: `${PROJECT}/numberOrders:createNumberOrder`, json: body });
  }

  async getNumberOrder(scope: LoaderScope, numberOrderId: string): Promise<NumberOrder> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders/${orderSegment(numberOrderId)}`;
    return this.send<NumberOrder>(scope, { method: 'GET', path, route: `${PROJECT}/numberOrders/{numberOrderId}` });
  }

  async getNumberOrderRegistration(scope: LoaderScope, numberOrderId: string): Promise<NumberOrderRegistration> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders/${orderSegment(numberOrderId)}/registration`;
    return this.send<NumberOrderRegistration>(scope, { method: 'GET', path, route: `${PROJECT}/numberOrders/{numberOrderId}/registration` });
  }

  async updateNumberOrderRegistration(scope: LoaderScope, numberOrderId: string, requestDetails: Record<string, unknown>): Promise<NumberOrderRegistration> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders/${orderSegment(numberOrderId)}/registration`;
    return this.send<NumberOrderRegistration>(scope, {
      method: 'PUT',
      path,
      route: `${PROJECT}/numberOrders/{numberOrderId}/registration`,
      json: { requestDetails },
    });
  }

  async submitNumberOrder(scope: LoaderScope, numberOrderId: string): Promise<NumberOrder> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders/${orderSegment(numberOrderId)}/submit`;
    return this.send<NumberOrder>(scope, { method: 'POST', path, route: `${PROJECT}/numberOrders/{numberOrderId}/submit` });
  }

  async getEmergencyAddress(scope: LoaderScope, phoneNumber: string): Promise<EmergencyAddress> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}/emergencyAddress`;
    return this.send<EmergencyAddress>(scope, { method: 'GET', path, route: `${PROJECT}/activeNumbers/{phoneNumber}/emergencyAddress` });
  }

  async provisionEmergencyAddress(scope: LoaderScope, phoneNumber: string, body: EmergencyAddressRequest): Promise<EmergencyAddress> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}/emergencyAddress:provision`;
    return this.send<EmergencyAddress>(scope, { method: 'POST', path, route: `${PROJECT}/activeNumbers/{phoneNumber}/emergencyAddress:provision`, json: body });
  }

  /** Answers 200 with no body (REFERENCE §4.2), so the body is not checked. */
  async deprovisionEmergencyAddress(scope: LoaderScope, phoneNumber: string): Promise<void> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}/emergencyAddress:deprovision`;
    await this.http.request<unknown>({
      method: 'POST',
      path,
      route: `${PROJECT}/activeNumbers/{phoneNumber}/emergencyAddress:deprovision`,
      signal: scope.signal,
    });
  }

  async validateEmergencyAddress(scope: LoaderScope, phoneNumber: string, body: EmergencyAddressRequest): Promise<ValidateAddressResponse> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}/emergencyAddress:validate`;
    return this.send<ValidateAddressResponse>(scope, { method: 'POST', path, route: `${PROJECT}/activeNumbers/{phoneNumber}/emergencyAddress:validate`, json: body });
  }

  /**
   * Every documented 200 of this API is a JSON object. Anything else (an empty body, an array)
   * would surface later as a confusing null in a non-null field, so it is refused here.
   */
  private async send<T extends object>(scope: LoaderScope, request: Omit<UpstreamRequest, 'signal'>): Promise<T> {
    const response = await this.http.request<T | undefined>({ ...request, signal: scope.signal });
    const body: unknown = response.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new UpstreamError({
        service: this.http.service,
        failure: 'BAD_RESPONSE',
        endpoint: `${request.method} ${request.route}`,
        httpStatus: response.statusCode,
        upstreamMessage: 'The response body is not a JSON object.',
      });
    }
    return body as T;
  }
}

function project(scope: LoaderScope): PathSegment {
  return idSegment(scope.projectId, 'projectId', 'projectId');
}

function orderSegment(numberOrderId: string): PathSegment {
  return idSegment(numberOrderId, 'numberOrderId', 'id');
}
