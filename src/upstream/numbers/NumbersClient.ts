import type { z } from 'zod';
import type { LoaderScope } from '../LoaderScope.js';
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
  NumberOrder,
  NumberOrderRegistration,
  NumberRequirements,
  NumberType,
  RentAnyNumberRequest,
  RentNumberRequest,
  ValidateAddressResponse,
} from './numbersWireTypes.js';
import type { InPlaceReader } from './wire/InPlaceReader.js';
import { NUMBERS_RESPONSES } from './wire/numbersResponseSchemas.js';
import { readNumbersResponse } from './wire/readNumbersResponse.js';

const PROJECT = '/v1/projects/{projectId}';

/**
 * One method per endpoint of the Sinch Numbers API (REFERENCE §4.2). Every path parameter goes
 * through `pathOf` and a validated segment, so an argument can never change the URL; every call
 * carries the request's abort signal. Errors are `UpstreamError`s from the HTTP client, except
 * a 2xx whose body is not the documented structure, which becomes an `UPSTREAM_BAD_RESPONSE`.
 * The methods are async so that an invalid argument rejects the promise instead of throwing
 * synchronously: a loader's batch function can then treat every failure the same way.
 */
export class NumbersClient {
  constructor(readonly http: UpstreamHttpClient) {}

  async getActiveNumber(scope: LoaderScope, phoneNumber: string): Promise<ActiveNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}`;
    return this.send(scope, NUMBERS_RESPONSES.activeNumber, { method: 'GET', path, route: `${PROJECT}/activeNumbers/{phoneNumber}` });
  }

  async listActiveNumbers(scope: LoaderScope, query: ListActiveNumbersQuery): Promise<ListActiveNumbersResponse> {
    return this.send(scope, NUMBERS_RESPONSES.activeNumbersPage, {
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
    return this.send(scope, NUMBERS_RESPONSES.activeNumber, { method: 'PATCH', path, route: `${PROJECT}/activeNumbers/{phoneNumber}`, json: body });
  }

  async releaseActiveNumber(scope: LoaderScope, phoneNumber: string): Promise<ActiveNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}:release`;
    return this.send(scope, NUMBERS_RESPONSES.activeNumber, { method: 'POST', path, route: `${PROJECT}/activeNumbers/{phoneNumber}:release` });
  }

  async listAvailableNumbers(scope: LoaderScope, query: ListAvailableNumbersQuery): Promise<AvailableNumber[]> {
    const response = await this.send(scope, NUMBERS_RESPONSES.availableNumbers, {
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
    return this.send(scope, NUMBERS_RESPONSES.availableNumber, { method: 'GET', path, route: `${PROJECT}/availableNumbers/{phoneNumber}` });
  }

  async rentNumber(scope: LoaderScope, phoneNumber: string, body: RentNumberRequest): Promise<ActiveNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/availableNumbers/${phoneNumberSegment(phoneNumber)}:rent`;
    return this.send(scope, NUMBERS_RESPONSES.activeNumber, { method: 'POST', path, route: `${PROJECT}/availableNumbers/{phoneNumber}:rent`, json: body });
  }

  async rentAnyNumber(scope: LoaderScope, body: RentAnyNumberRequest): Promise<ActiveNumber> {
    const path = pathOf`/v1/projects/${project(scope)}/availableNumbers:rentAny`;
    return this.send(scope, NUMBERS_RESPONSES.activeNumber, { method: 'POST', path, route: `${PROJECT}/availableNumbers:rentAny`, json: body });
  }

  async listAvailableRegions(scope: LoaderScope, types?: readonly NumberType[]): Promise<AvailableRegion[]> {
    const response = await this.send(scope, NUMBERS_RESPONSES.availableRegions, {
      method: 'GET',
      path: pathOf`/v1/projects/${project(scope)}/availableRegions`,
      route: `${PROJECT}/availableRegions`,
      query: { types },
    });
    return response.availableRegions ?? [];
  }

  async getCallbackConfiguration(scope: LoaderScope): Promise<CallbackConfiguration> {
    const path = pathOf`/v1/projects/${project(scope)}/callbackConfiguration`;
    return this.send(scope, NUMBERS_RESPONSES.callbackConfiguration, { method: 'GET', path, route: `${PROJECT}/callbackConfiguration` });
  }

  async updateCallbackConfiguration(scope: LoaderScope, hmacSecret: string): Promise<CallbackConfiguration> {
    const path = pathOf`/v1/projects/${project(scope)}/callbackConfiguration`;
    return this.send(scope, NUMBERS_RESPONSES.callbackConfiguration, {
      method: 'PATCH',
      path,
      route: `${PROJECT}/callbackConfiguration`,
      json: { hmacSecret },
    });
  }

  async lookupNumberRequirements(scope: LoaderScope, regionCode: string, numberType: NumberType): Promise<NumberRequirements> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders:lookupNumberRequirements`;
    return this.send(scope, NUMBERS_RESPONSES.numberRequirements, { method: 'POST', path, route: `${PROJECT}/numberOrders:lookupNumberRequirements`, json: { regionCode, numberType } });
  }

  async createNumberOrder(scope: LoaderScope, body: CreateNumberOrderRequest): Promise<NumberOrder> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders:createNumberOrder`;
    return this.send(scope, NUMBERS_RESPONSES.numberOrder, { method: 'POST', path, route: `${PROJECT}/numberOrders:createNumberOrder`, json: body });
  }

  async getNumberOrder(scope: LoaderScope, numberOrderId: string): Promise<NumberOrder> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders/${orderSegment(numberOrderId)}`;
    return this.send(scope, NUMBERS_RESPONSES.numberOrder, { method: 'GET', path, route: `${PROJECT}/numberOrders/{numberOrderId}` });
  }

  async getNumberOrderRegistration(scope: LoaderScope, numberOrderId: string): Promise<NumberOrderRegistration> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders/${orderSegment(numberOrderId)}/registration`;
    return this.send(scope, NUMBERS_RESPONSES.numberOrderRegistration, { method: 'GET', path, route: `${PROJECT}/numberOrders/{numberOrderId}/registration` });
  }

  async updateNumberOrderRegistration(scope: LoaderScope, numberOrderId: string, requestDetails: Record<string, unknown>): Promise<NumberOrderRegistration> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders/${orderSegment(numberOrderId)}/registration`;
    return this.send(scope, NUMBERS_RESPONSES.numberOrderRegistration, {
      method: 'PUT',
      path,
      route: `${PROJECT}/numberOrders/{numberOrderId}/registration`,
      json: { requestDetails },
    });
  }

  async submitNumberOrder(scope: LoaderScope, numberOrderId: string): Promise<NumberOrder> {
    const path = pathOf`/v1/projects/${project(scope)}/numberOrders/${orderSegment(numberOrderId)}/submit`;
    return this.send(scope, NUMBERS_RESPONSES.numberOrder, { method: 'POST', path, route: `${PROJECT}/numberOrders/{numberOrderId}/submit` });
  }

  async getEmergencyAddress(scope: LoaderScope, phoneNumber: string): Promise<EmergencyAddress> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}/emergencyAddress`;
    return this.send(scope, NUMBERS_RESPONSES.emergencyAddress, { method: 'GET', path, route: `${PROJECT}/activeNumbers/{phoneNumber}/emergencyAddress` });
  }

  async provisionEmergencyAddress(scope: LoaderScope, phoneNumber: string, body: EmergencyAddressRequest): Promise<EmergencyAddress> {
    const path = pathOf`/v1/projects/${project(scope)}/activeNumbers/${phoneNumberSegment(phoneNumber)}/emergencyAddress:provision`;
    return this.send(scope, NUMBERS_RESPONSES.emergencyAddress, { method: 'POST', path, route: `${PROJECT}/activeNumbers/{phoneNumber}/emergencyAddress:provision`, json: body });
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
    return this.send(scope, NUMBERS_RESPONSES.validateAddressResponse, { method: 'POST', path, route: `${PROJECT}/activeNumbers/{phoneNumber}/emergencyAddress:validate`, json: body });
  }

  /**
   * Every 2xx body is checked against its documented structure (wire/numbersResponseSchemas.ts)
   * here, at the boundary: a body that is not (not an object, a list that is not a list, a
   * number without its phone number) fails this call as `UPSTREAM_BAD_RESPONSE` instead of
   * crashing a resolver later; optional fields of the wrong type are dropped.
   */
  private async send<T>(scope: LoaderScope, schema: z.ZodType<T> | InPlaceReader<T>, request: Omit<UpstreamRequest, 'signal'>): Promise<T> {
    const response = await this.http.request<unknown>({ ...request, signal: scope.signal });
    return readNumbersResponse(schema, response.body, `${request.method} ${request.route}`, response.statusCode);
  }
}

function project(scope: LoaderScope): PathSegment {
  return idSegment(scope.projectId, 'projectId', 'projectId');
}

function orderSegment(numberOrderId: string): PathSegment {
  return idSegment(numberOrderId, 'numberOrderId', 'id');
}
