import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createTracing } from '../../../src/observability/tracing/createTracing.js';
import type { GatewayTracing } from '../../../src/observability/tracing/GatewayTracing.js';
import { SIMULATOR_APPLICATION_SECRET, SIMULATOR_KEY_SECRET, SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { REPORT, START } from '../../graphql/verification/verificationTestGateway.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway } from '../../support/startTestGateway.js';
import type { TestGateway } from '../../support/startTestGateway.js';

/** What the loopback OTLP/HTTP receiver got: every request, byte for byte. */
interface Export {
  path: string;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  body: Buffer;
}

async function startOtlpReceiver(): Promise<{ endpoint: string; exports: Export[]; close(): Promise<void> }> {
  const exports: Export[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      exports.push({ path: incoming.url ?? '', contentType: incoming.headers['content-type'], contentEncoding: incoming.headers['content-encoding'], body: Buffer.concat(chunks) });
      // An empty ExportTraceServiceResponse: full success.
      const json = incoming.headers['content-type'] === 'application/json';
      response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
      response.end(json ? '{}' : Buffer.alloc(0));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    exports,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

/** The ids of OTLP/JSON as the SDK writes them (hex), or base64 as the protobuf JSON mapping has them. */
const hexId = (id: string | undefined) => (id === undefined || id === '' ? undefined : /^[0-9a-f]+$/.test(id) ? id : Buffer.from(id, 'base64').toString('hex'));

function spansOf(exports: Export[]): OtlpSpan[] {
  return exports.flatMap((entry) => {
    const request = JSON.parse(entry.body.toString('utf8')) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
    return request.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)).map((span) => ({
      ...span,
      traceId: hexId(span.traceId) ?? '',
      spanId: hexId(span.spanId) ?? '',
      parentSpanId: hexId(span.parentSpanId),
    }));
  });
}

const TRACE_ID = '8f1c2a3b4d5e6f708192a3b4c5d6e7f8';
const CALLER_SPAN_ID = '1a2b3c4d5e6f7081';
const CALLBACK_SECRET = 'otlp-test-callback-secret-7f3e9a1c5b2d';
const PHONE = '+46701234567';
/** The simulator's alpha SMS code of PHONE, and wrong codes distinctive enough to find by chance nowhere. */
const RIGHT_CODE = 'EFGH';
const WRONG_CODE = 'ZQXJW5';

describe('Tracing: OTLP/HTTP export end to end', () => {
  let gateway: TestGateway | undefined;
  let tracing: GatewayTracing | undefined;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>> | undefined;

  afterEach(async () => {
    await gateway?.close();
    await tracing?.shutdown();
    await receiver?.close();
  });

  async function start(env: (endpoint: string) => Record<string, string>) {
    receiver = await startOtlpReceiver();
    const tracingEnv = { OTEL_BSP_SCHEDULE_DELAY: '20', OTEL_SERVICE_NAME: 'gateway-under-test', SINCH_CALLBACK_SECRET: CALLBACK_SECRET, ...env(receiver.endpoint) };
    const config = loadConfig({ NODE_ENV: 'test', ...tracingEnv });
    expect(config.tracing.enabled).toBe(true);
    tracing = createTracing(config.tracing);
    gateway = await startTestGateway({ tracing, env: tracingEnv });
    return { gateway, admin: new SimulatorAdmin(gateway.simulatorUrl), receiver };
  }

  it('http/json: a request with a traceparent yields spans of that trace, upstream calls as children, the header at Sinch, and no secret in any byte', async () => {
    const { gateway, admin, receiver } = await start((endpoint) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }));
    await admin.clearRequests();
    const headers = { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` };
    const operation = `query Everything { numbers(first: 2) { nodes { phoneNumber } } sipTrunks(first: 2) { nodes { name } } number(phoneNumber: "${SEEDED_PHONE_NUMBERS.provisioned[0]}") { phoneNumber } }`;
    const everything = await gateway.query(operation, undefined, headers);
    expect(everything.body.errors).toBeUndefined();
    const started = await gateway.query<{ startVerification: { id: string } }>(START, { input: { phoneNumber: PHONE, method: 'SMS', sms: { codeType: 'ALPHA' } } }, headers);
    const id = started.body.data?.startVerification.id;
    expect(id).toEqual(expect.any(String));
    await gateway.query(REPORT, { input: { id, method: 'SMS', code: WRONG_CODE } }, headers);
    await gateway.query(`mutation { reportVerification(input: { id: "${id}", method: SMS, code: "${RIGHT_CODE}" }) { status } }`, undefined, headers);

    // A signed callback, so that the callback secret is used too.
    const callback = JSON.stringify({ eventId: randomUUID(), timestamp: new Date().toISOString().replace('Z', '000'), projectId: SIMULATOR_PROJECT_ID, resourceId: PHONE, resourceType: 'ACTIVE_NUMBER', eventType: 'PROVISIONING_TO_VOICE_PLATFORM', status: 'SUCCEEDED' });
    const signature = createHmac('sha1', CALLBACK_SECRET).update(callback).digest('hex');
    const answered = await request(`${gateway.url}/webhooks/numbers`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sinch-signature': signature }, body: callback });
    expect(answered.statusCode).toBe(200);
    await answered.body.dump();

    const log = await admin.requests();
    expect(new Set(log.map((entry) => entry.service))).toEqual(new Set(['AUTH', 'NUMBERS', 'SIP_TRUNKING', 'VERIFICATION']));
    const callerRequests = log.filter((entry) => entry.traceparent?.startsWith(`00-${TRACE_ID}-`));
    // Every call made for those requests carried their trace; the callback's re-read has its own.
    expect(new Set(callerRequests.map((entry) => entry.service))).toEqual(new Set(['AUTH', 'NUMBERS', 'SIP_TRUNKING', 'VERIFICATION']));
    expect(log.every((entry) => entry.traceparent !== null && /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/.test(entry.traceparent))).toBe(true);

    const deadline = Date.now() + 5_000;
    let spans = spansOf(receiver.exports);
    while (!spans.some((span) => span.name === 'provisioning.callback') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      spans = spansOf(receiver.exports);
    }
    expect(receiver.exports.every((entry) => entry.path === '/v1/traces' && entry.contentType === 'application/json' && entry.contentEncoding === undefined)).toBe(true);

    const trace = spans.filter((span) => span.traceId === TRACE_ID);
    const ids = new Set(trace.map((span) => span.spanId));
    const servers = trace.filter((span) => span.name === 'POST /graphql');
    expect(servers).toHaveLength(4);
    for (const server of servers) expect(server.parentSpanId).toBe(CALLER_SPAN_ID);
    for (const span of trace.filter((candidate) => candidate.name !== 'POST /graphql')) expect(ids.has(span.parentSpanId ?? '')).toBe(true);
    const clientSpans = trace.filter((span) => span.kind === 3);
    const services = clientSpans.map((span) => span.attributes.find((attribute) => attribute.key === 'sinch.service')?.value['stringValue']);
    expect(new Set(services)).toEqual(new Set(['AUTH', 'NUMBERS', 'SIP_TRUNKING', 'VERIFICATION']));
    // Each call's traceparent at Sinch names its own client span.
    for (const entry of callerRequests) expect(ids.has(entry.traceparent?.split('-')[2] ?? '')).toBe(true);
    expect(trace.map((span) => span.name)).toEqual(expect.arrayContaining(['query Everything', 'mutation Start', 'mutation Report', 'mutation']));

    const bytes = Buffer.concat(receiver.exports.map((entry) => entry.body)).toString('utf8');
    expect(bytes).toContain('gateway-under-test');
    for (const secret of [SIMULATOR_KEY_SECRET, SIMULATOR_APPLICATION_SECRET, CALLBACK_SECRET, signature, RIGHT_CODE, WRONG_CODE, PHONE, PHONE.slice(1)]) {
      expect(bytes).not.toContain(secret);
    }
    // No access token (a JWT), no credential of any scheme, no request body.
    expect(bytes).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(bytes).not.toMatch(/Bearer|Basic |Application |authorization|client_credentials|x-sinch-signature/i);
  });

  it('http/protobuf: the spans reach the signal endpoint as protobuf', async () => {
    const { gateway, receiver } = await start((endpoint) => ({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${endpoint}/collector/traces`, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' }));
    const response = await gateway.query('query One { numbers(first: 1) { nodes { phoneNumber } } }', undefined, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` });
    expect(response.body.errors).toBeUndefined();
    await tracing?.shutdown();
    expect(receiver.exports.length).toBeGreaterThan(0);
    expect(receiver.exports.every((entry) => entry.path === '/collector/traces' && entry.contentType === 'application/x-protobuf')).toBe(true);
    const bytes = Buffer.concat(receiver.exports.map((entry) => entry.body));
    expect(bytes.includes(Buffer.from(TRACE_ID, 'hex'))).toBe(true);
    for (const text of ['gateway-under-test', 'POST /graphql', 'query One', 'GET /v1/projects/{projectId}/activeNumbers', 'POST /oauth2/token']) expect(bytes.includes(Buffer.from(text))).toBe(true);
    for (const secret of [SIMULATOR_KEY_SECRET, 'Bearer', 'Basic ']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });

  it('serves as usual when the collector refuses connections or never answers, and the shutdown does not wait for it', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentEndpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      for (const endpoint of [silentEndpoint, 'http://127.0.0.1:9']) {
        const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '10', OTEL_BSP_EXPORT_TIMEOUT: '60000' };
        const traced = createTracing(loadConfig({ NODE_ENV: 'test', ...env }).tracing);
        const server = await startTestGateway({ tracing: traced, env });
        try {
          for (let index = 0; index < 3; index++) {
            const response = await server.query('{ numbers(first: 1) { totalCount } }');
            expect(response.body.errors).toBeUndefined();
          }
        } finally {
          await server.close();
        }
        const started = Date.now();
        await traced?.shutdown(300);
        // Bounded by the shutdown's own limit, not by the 60 s export timeout (generous: did not hang).
        expect(Date.now() - started).toBeLessThan(10_000);
      }
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
