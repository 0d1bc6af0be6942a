import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createGateway } from '../../src/server/createGateway.js';
import type { Gateway } from '../../src/server/createGateway.js';
import { createLogger } from '../../src/server/createLogger.js';
import { captureLogLines } from '../support/captureLogLines.js';
import type { CapturedLogLines } from '../support/captureLogLines.js';
import { executionEnvironment } from '../support/executionEnvironment.js';
import { startFaultServer } from '../support/faultServer.js';
import type { FaultResponse, FaultServer, RecordedRequest } from '../support/faultServer.js';
import { postGraphQL } from '../support/postGraphQL.js';

/**
 * An upstream that echoes everything it was sent, and the gateway's internal addresses, in every
 * error it gives: message, reference, details and headers, plain and encoded, whole and cut in
 * pieces, on all three APIs and on the token endpoint, for 4xx and 5xx. Not one piece of a
 * secret may reach a GraphQL response (HTTP or WebSocket), a log line (at trace level) or a
 * metric.
 */
const KEY_ID = '7c1e4b2a-9d3f-4e5a-8b6c-2d1f0e9a8b7c';
const KEY_SECRET = `ks-${randomBytes(18).toString('base64url')}`;
const APPLICATION_KEY = '3e9d1c7b-5a2f-4b8e-9c6d-1f0e2a3b4c5d';
const APPLICATION_SECRET = randomBytes(24).toString('base64');
const PROJECT_ID = '6b2d8e4f-1a3c-4d5e-8f9a-0b1c2d3e4f5a';
const BASIC = Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64');
const INTERNAL_ADDRESSES = ['10.20.30.40', 'metadata.google.internal', 'redis-master.default.svc.cluster.local', 'fd00::7'];

const QUERIES = {
  NUMBERS: '{ number(phoneNumber: "+12025550100") { phoneNumber } }',
  VERIFICATION: '{ verification(id: "018f2d3e-9a8b-7c6d-5e4f-3a2b1c0d9e8f") { id } }',
  SIP_TRUNKING: '{ sipTrunk(id: "01JBQ4T8XG7N2M5K9P3R6VWYZA") { id } }',
} as const;
type Api = keyof typeof QUERIES;
const STATUSES = [302, 400, 401, 403, 409, 429, 500, 502, 503];

/** A fresh JWT-shaped access token per token request: each one must be known to the gateway. */
function newAccessToken(): string {
  const header = Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url');
  const payload = Buffer.from(JSON.stringify({ sub: KEY_ID, exp: Math.floor(Date.now() / 1000) + 3600, jti: randomBytes(8).toString('hex') })).toString('base64url');
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}

/** Everything about this request that the gateway must never let out, as the upstream saw it. */
function echoesOf(recorded: RecordedRequest, tokens: readonly string[], origin: string): string[] {
  const authorization = String(recorded.headers.authorization ?? '');
  const token = tokens[tokens.length - 1] ?? '';
  return [
    authorization,
    KEY_SECRET,
    APPLICATION_SECRET,
    token,
    BASIC,
    Buffer.from(KEY_SECRET).toString('base64'),
    encodeURIComponent(`Authorization: ${authorization}`),
    KEY_SECRET.split('').map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    KEY_SECRET.split('').join('\u200b'),
    KEY_SECRET.toUpperCase(),
    `http://${INTERNAL_ADDRESSES[0]}:8500/v1/kv/sinch?token=${token}`,
    `http://${INTERNAL_ADDRESSES[1]}/computeMetadata/v1/`,
    `${INTERNAL_ADDRESSES[2]}:6379`,
    `[${INTERNAL_ADDRESSES[3]}]:8443`,
    `${origin}${recorded.path}`,
  ];
}

function echoingError(api: Api | 'AUTH', status: number, recorded: RecordedRequest, tokens: readonly string[], origin: string): FaultResponse {
  const echoes = echoesOf(recorded, tokens, origin);
  const message = `request ${recorded.method} ${recorded.path} refused: ${echoes.join(' | ')} first half ${KEY_SECRET.slice(0, 14)}`;
  const secondHalf = `${KEY_SECRET.slice(14)}${APPLICATION_SECRET.slice(0, 12)}`;
  const authorization = String(recorded.headers.authorization ?? '');
  const details = [
    { type: 'BadRequest', fieldViolations: [{ field: authorization, description: `secret ${KEY_SECRET}` }] },
    { type: 'ResourceInfo', resourceType: 'ActiveNumber', resourceName: tokens[tokens.length - 1] ?? '', owner: echoes[8], description: echoes.slice(0, 5).join(' ') },
    { type: 'ErrorInfo', reason: BASIC, domain: echoes[9], metadata: { authorization, secret: KEY_SECRET } },
    { type: 'QuotaFailure', violations: [{ subject: APPLICATION_SECRET, description: authorization }] },
    { type: 'DebugInfo', stackEntries: [`at handler (${echoes[8]})`], detail: authorization },
    { type: 'RequestInfo', requestId: secondHalf, servingData: authorization },
    { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ url: echoes[9] }] },
    { type: 'Unknown', authorization, keySecret: KEY_SECRET },
  ];
  const headers = {
    'www-authenticate': `Bearer realm="${origin}", error="invalid_token", error_description="${authorization}"`,
    location: `http://${INTERNAL_ADDRESSES[0]}/${KEY_SECRET}`,
    'x-echo-authorization': authorization,
    'retry-after': tokens[tokens.length - 1] ?? KEY_SECRET,
  };
  const bodies: Record<Api | 'AUTH', object> = {
    NUMBERS: { error: { code: status, message, status: `INVALID_ARGUMENT ${authorization}`, details } },
    VERIFICATION: { status: `${status} ${authorization}`, errorCode: `${status}01 ${KEY_SECRET}`, message, reference: secondHalf },
    SIP_TRUNKING: { code: status, status: `BAD_REQUEST ${BASIC}`, message, details },
    AUTH: { error: `invalid_client ${KEY_SECRET}`, error_description: message },
  };
  return { status, headers, body: bodies[api] };
}

function apiOf(path: string): Api | 'AUTH' {
  if (path.startsWith('/oauth2/token')) return 'AUTH';
  if (path.startsWith('/verification/')) return 'VERIFICATION';
  if (path.includes('/trunks')) return 'SIP_TRUNKING';
  return 'NUMBERS';
}

interface Harness {
  gateway: Gateway;
  url: string;
  upstream: FaultServer;
  logs: CapturedLogLines;
  tokens: string[];
  /** What the token endpoint and the APIs answer now. */
  mode: { tokenStatus: number | undefined; apiStatus: number };
  /** Every piece of text that must never leave the gateway, as seen so far. */
  forbidden(): string[];
  close(): Promise<void>;
}

async function startHarness(nodeEnv: 'production' | 'development'): Promise<Harness> {
  const upstream = await startFaultServer();
  const logs = captureLogLines();
  const tokens: string[] = [];
  const mode: Harness['mode'] = { tokenStatus: undefined, apiStatus: 400 };
  upstream.handle((recorded) => {
    const api = apiOf(recorded.path);
    if (api === 'AUTH') {
      if (mode.tokenStatus !== undefined) return echoingError('AUTH', mode.tokenStatus, recorded, tokens, upstream.origin);
      const token = newAccessToken();
      tokens.push(token);
      return { status: 200, body: { access_token: token, expires_in: 3600, token_type: 'bearer' } };
    }
    return echoingError(api, mode.apiStatus, recorded, tokens, upstream.origin);
  });
  const config = loadConfig({
    NODE_ENV: nodeEnv,
    GATEWAY_AUTH: 'none',
    SINCH_SIMULATOR: 'false',
    LOG_LEVEL: 'trace',
    HOST: '127.0.0.1',
    PORT: '0',
    SINCH_PROJECT_ID: PROJECT_ID,
    SINCH_KEY_ID: KEY_ID,
    SINCH_KEY_SECRET: KEY_SECRET,
    SINCH_APPLICATION_KEY: APPLICATION_KEY,
    SINCH_APPLICATION_SECRET: APPLICATION_SECRET,
    SINCH_AUTH_URL: upstream.origin,
    SINCH_NUMBERS_URL: upstream.origin,
    SINCH_VERIFICATION_URL: upstream.origin,
    SINCH_SIP_URL: upstream.origin,
    UPSTREAM_RETRY_MAX: '0',
    UPSTREAM_CIRCUIT_MIN_CALLS: '100000',
    PROVISIONING_POLLING: 'off',
    ...executionEnvironment(),
  });
  const gateway = await createGateway(config, { logger: createLogger('trace', logs.destination) });
  const url = await gateway.listen();
  return {
    gateway,
    url,
    upstream,
    logs,
    tokens,
    mode,
    forbidden() {
      const sent = upstream.requests.flatMap((recorded) => {
        const authorization = String(recorded.headers.authorization ?? '');
        // The credential after the scheme, and for `Application key:signature` the signature.
        const credential = authorization.replace(/^\S+\s+/, '');
        return [credential, credential.split(':').pop() ?? ''];
      });
      const origin = new URL(upstream.origin).host;
      return [KEY_SECRET, APPLICATION_SECRET, BASIC, Buffer.from(KEY_SECRET).toString('base64'), ...tokens, ...sent, ...INTERNAL_ADDRESSES, origin].filter((text) => text !== '');
    },
    async close() {
      await gateway.close();
      await upstream.close();
    },
  };
}

/**
 * Fails with the first piece (12 characters) of a forbidden secret found in `text`, or a
 * forbidden address found whole (a 12-character piece of `127.0.0.1:PORT` would also match the
 * gateway's own address in its "listening" line).
 */
function expectNothingOf(forbidden: readonly string[], text: string, where: string): void {
  const found: string[] = [];
  for (const secret of forbidden) {
    const length = INTERNAL_ADDRESSES.includes(secret) || /^127\.0\.0\.1:\d+$/.test(secret) ? secret.length : Math.min(12, secret.length);
    for (let start = 0; start + length <= secret.length; start++) {
      const piece = secret.slice(start, start + length);
      if (text.includes(piece)) {
        found.push(piece);
        break;
      }
    }
  }
  expect(found, `pieces of secrets or internal addresses in ${where}`).toEqual([]);
}

async function subscriptionMessages(url: string): Promise<string> {
  const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    return await new Promise<string>((resolve) => {
      const received: unknown[] = [];
      const query = 'subscription { numberProvisioningChanged(phoneNumber: "+12025550100") { source } }';
      client.subscribe(
        { query },
        {
          next: (message) => received.push(message),
          error: (error) => resolve(JSON.stringify([...received, error])),
          complete: () => resolve(JSON.stringify(received)),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe.each(['production', 'development'] as const)('Upstream echoes (NODE_ENV=%s): no byte of a secret leaves the gateway', (nodeEnv) => {
  let harness: Harness;
  const responses: string[] = [];

  beforeAll(async () => {
    harness = await startHarness(nodeEnv);
  });
  afterAll(async () => {
    await harness.close();
  });

  it('scrubs a token endpoint that echoes the Basic credentials, for 4xx and 5xx', async () => {
    for (const status of [400, 401, 500, 503]) {
      harness.mode.tokenStatus = status;
      const response = await postGraphQL(harness.url, QUERIES.NUMBERS);
      expect(response.body.errors?.[0]?.extensions?.['upstream']).toMatchObject({ service: 'AUTH', httpStatus: status });
      responses.push(JSON.stringify(response));
    }
    harness.mode.tokenStatus = undefined;
    expect(harness.tokens).toEqual([]);
    expectNothingOf(harness.forbidden(), responses.join('\n'), 'the GraphQL responses');
  });

  it.each(Object.keys(QUERIES) as Api[])('scrubs every %s error, 4xx and 5xx, over HTTP', async (api) => {
    const answered: string[] = [];
    for (const status of STATUSES) {
      harness.mode.apiStatus = status;
      const response = await postGraphQL(harness.url, QUERIES[api]);
      const error = response.body.errors?.[0];
      expect(error?.extensions?.['upstream'], `${api} ${status}`).toMatchObject({ service: api, httpStatus: status });
      answered.push(JSON.stringify(response));
    }
    responses.push(...answered);
    expect(harness.tokens.length).toBeGreaterThan(0);
    expectNothingOf(harness.forbidden(), answered.join('\n'), `the ${api} responses`);
  });

  it('relays the upstream message and documented details of a 4xx, scrubbed, and only its status and code for a 5xx', async () => {
    harness.mode.apiStatus = 400;
    const clientError = (await postGraphQL(harness.url, QUERIES.NUMBERS)).body.errors?.[0];
    const upstream = clientError?.extensions?.['upstream'] as { message: string; details: Array<{ type: string }>; reference: string | null };
    expect(upstream.message).toMatch(/^request GET \/v1\/projects\/.+ refused: \[redacted\]/);
    expect(upstream.details.map((detail) => detail.type)).toEqual(['BadRequest', 'ResourceInfo', 'ErrorInfo', 'QuotaFailure']);
    expect(clientError?.message).toMatch(/^The Sinch Numbers API answered 400: request GET/);

    harness.mode.apiStatus = 503;
    const serverError = (await postGraphQL(harness.url, QUERIES.NUMBERS)).body.errors?.[0];
    expect(serverError?.message).toBe('The Sinch Numbers API answered 503');
    expect(serverError?.extensions?.['upstream']).toMatchObject({ service: 'NUMBERS', httpStatus: 503, code: '503', message: null, details: [] });
  });

  it('scrubs the errors a subscription receives over WebSocket', async () => {
    const received: string[] = [];
    for (const status of [400, 403, 500, 503]) {
      harness.mode.apiStatus = status;
      received.push(await subscriptionMessages(harness.url));
    }
    expect(received.join('\n')).toMatch(/The Sinch Numbers API answered/);
    expectNothingOf(harness.forbidden(), received.join('\n'), 'the WebSocket messages');
  });

  it('keeps every piece out of the logs (trace level) and the metrics', async () => {
    const metrics = await request(`${harness.url}/metrics`).then((response) => response.body.text());
    expect(metrics).toMatch(/gateway_upstream_requests_total/);
    expect(harness.logs.lines.length).toBeGreaterThan(50);
    expectNothingOf(harness.forbidden(), metrics, 'the metrics');
    expectNothingOf(harness.forbidden(), harness.logs.text(), 'the logs');
    expectNothingOf(harness.forbidden(), responses.join('\n'), 'the GraphQL responses');
  });
});
