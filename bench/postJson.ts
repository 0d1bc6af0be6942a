import { request } from 'undici';
import type { Json } from './scenarios.js';

/** Headers every request to the gateway carries (Apollo's CSRF prevention wants a JSON content type). */
export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** POSTs a JSON body and parses the JSON answer, whatever its status. */
export async function postJson(url: string, body: string): Promise<{ status: number; json: Json }> {
  const response = await request(url, { method: 'POST', headers: JSON_HEADERS, body, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const text = await response.body.text();
  try {
    return { status: response.statusCode, json: JSON.parse(text) as Json };
  } catch {
    return { status: response.statusCode, json: { unparsable: text.slice(0, 500) } };
  }
}

/** Runs one GraphQL operation and returns its `data`; any error is a failure of the benchmark's setup. */
export async function graphql(url: string, query: string, variables: Json = {}): Promise<Json> {
  const { status, json } = await postJson(url, JSON.stringify({ query, variables }));
  if (status !== 200 || json['errors'] !== undefined) {
    throw new Error(`setup operation failed (HTTP ${status}): ${JSON.stringify(json).slice(0, 1000)}\n${query}`);
  }
  return json['data'] as Json;
}
