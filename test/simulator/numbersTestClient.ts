import { SIMULATOR_KEY_ID, SIMULATOR_KEY_SECRET, SIMULATOR_PROJECT_ID } from '../../src/simulator/simulatorCredentials.js';

export const BASIC_AUTHORIZATION = `Basic ${Buffer.from(`${SIMULATOR_KEY_ID}:${SIMULATOR_KEY_SECRET}`).toString('base64')}`;

export interface TestResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk arbitrary JSON and assert on it
  body: any;
}

export async function fetchAccessToken(simulatorUrl: string): Promise<string> {
  const response = await fetch(`${simulatorUrl}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: BASIC_AUTHORIZATION, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (response.status !== 200) throw new Error(`token request answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function toTestResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}

/**
 * Raw HTTP access to the simulated Numbers API, the way an SDK calls it: paths relative to
 * `/v1/projects/{projectId}`, `+` left unencoded, JSON content type on every request.
 */
export function createNumbersTestClient(simulatorUrl: string, authorization: string, projectId = SIMULATOR_PROJECT_ID) {
  const base = `${simulatorUrl}/v1/projects/${projectId}`;
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    toTestResponse(
      await fetch(`${base}${path}`, {
        method,
        headers: { authorization, 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  return {
    get: (path: string) => send('GET', path),
    patch: (path: string, body: unknown) => send('PATCH', path, body),
    post: (path: string, body?: unknown) => send('POST', path, body),
    send,
  };
}

export type NumbersTestClient = ReturnType<typeof createNumbersTestClient>;
