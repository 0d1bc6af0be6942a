import { request } from 'undici';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    data?: TData | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

/** POSTs a GraphQL document (JSON) to `${url}/graphql` and returns the status, headers and parsed body. */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  document: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<TData>> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = (await response.body.json()) as GraphQLResponse<TData>['body'];
  return { status: response.statusCode, headers: response.headers, body };
}
