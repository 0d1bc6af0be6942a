import type { HttpMethod, QueryValue, UpstreamHttpClient } from '../http/UpstreamHttpClient.js';
import { idSegment } from '../http/pathSegment.js';
import type { PathSegment } from '../http/pathSegment.js';
import type { LoaderScope } from '../LoaderScope.js';
import type { EstPage, EstPageRequest } from './SipTrunkingModels.js';
import { parseEstPage } from './wire/parseEstPage.js';

/** Every EST path starts here (REFERENCE §6.1). */
export const EST_PREFIX = '/v1/projects/{projectId}';

/** The EST maximum page size (§6.4); `/calls` allows 1000. */
export const EST_MAX_PAGE_SIZE = 500;

/** A safety stop for "read every page" loops: 100 pages of 500 is far beyond any real account. */
const MAX_PAGES = 100;

export interface EstCall {
  method: HttpMethod;
  /** Built with `pathOf` from validated segments. */
  path: string;
  /** The template after the project prefix: `/trunks/{sipTrunkId}`. */
  route: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
}

export interface EstListCall<T> {
  path: string;
  route: string;
  /** Where the items are: the SDK's key first, then the spec's. */
  keys: readonly string[];
  parseItem: (value: unknown, endpoint: string) => T;
  query?: Record<string, QueryValue>;
}

/**
 * The transport the EST API classes share: it puts the project in the path, binds the call
 * to the request's signal and turns page-number paging into `EstPage`s.
 */
export class EstHttp {
  constructor(readonly http: UpstreamHttpClient) {}

  /** The `{projectId}` segment; call it before building a path so a bad project never reaches a URL. */
  project(scope: LoaderScope): PathSegment {
    return idSegment(scope.projectId, 'projectId', 'projectId');
  }

  endpoint(method: HttpMethod, route: string): string {
    return `${method} ${EST_PREFIX}${route}`;
  }

  /** Sends one call and returns the parsed body (`undefined` for the 204 of a delete). */
  async send(scope: LoaderScope, call: EstCall): Promise<unknown> {
    const response = await this.http.request<unknown>({
      method: call.method,
      path: call.path,
      route: `${EST_PREFIX}${call.route}`,
      query: call.query,
      json: call.json,
      signal: scope.signal,
    });
    return response.body;
  }

  /** Sends a GET whose success body is a file (`application/octet-stream`), bounded like every body. */
  async download(scope: LoaderScope, call: Omit<EstCall, 'method' | 'json'>): Promise<Buffer> {
    const response = await this.http.request<Buffer | undefined>({
      method: 'GET',
      path: call.path,
      route: `${EST_PREFIX}${call.route}`,
      query: call.query,
      signal: scope.signal,
      responseType: 'binary',
    });
    return response.body ?? Buffer.alloc(0);
  }

  async page<T>(scope: LoaderScope, call: EstListCall<T>, request: EstPageRequest): Promise<EstPage<T>> {
    const body = await this.send(scope, {
      method: 'GET',
      path: call.path,
      route: call.route,
      query: { ...call.query, page: request.page, size: request.size },
    });
    return parseEstPage(body, this.endpoint('GET', call.route), call.keys, call.parseItem, request);
  }

  /**
   * Every item of a list: the first page of the maximum size, then every further page at once
   * (its `totalItems` says how many there are), so a long list costs two round trips, not N.
   */
  async all<T>(scope: LoaderScope, call: EstListCall<T>): Promise<T[]> {
    const first = await this.page(scope, call, { page: 1, size: EST_MAX_PAGE_SIZE });
    if (!hasNextPage(first)) return first.items;
    const lastPage = Math.min(Math.ceil(first.totalItems / first.pageSize), MAX_PAGES);
    const pageNumbers = Array.from({ length: lastPage - 1 }, (_, index) => index + 2);
    const rest = await Promise.all(pageNumbers.map((page) => this.page(scope, call, { page, size: first.pageSize })));
    return [first, ...rest].flatMap((result) => result.items);
  }
}

/** The SDK's PAGE2 rule: more pages while `pageNumber < ceil(totalItems / pageSize)`. */
export function hasNextPage(page: EstPage<unknown>): boolean {
  if (page.pageSize <= 0 || page.items.length === 0) return false;
  return page.pageNumber < Math.ceil(page.totalItems / page.pageSize);
}
