import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../../../src/config.js';
import { SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { seedId } from '../../../src/simulator/sipTrunking/seedIds.js';
import { startFaultServer, type FaultServer } from '../../support/faultServer.js';
import { startTestGateway, type TestGateway } from '../../support/startTestGateway.js';
import { useSipTestGateway } from './support/useSipTestGateway.js';

const CAPTURE = `query ($id: ID!, $d: CallDirection) { callPacketCapture(pcapId: $id, direction: $d) { pcapId direction sizeBytes contentBase64 } }`;
/** The pcap global header (little-endian magic, version 2.4): what the simulator sends for a known call. */
const PCAP_MAGIC = 'd4c3b2a1';

interface Capture {
  callPacketCapture: { pcapId: string; direction: string; sizeBytes: number; contentBase64: string } | null;
}

describe('callPacketCapture against the simulator', () => {
  const sip = useSipTestGateway();

  it("downloads a seeded call's capture: a libpcap file, base64, with its size", async () => {
    const records = await sip.gateway.query<{ callRecords: { nodes: Array<{ pcapId: string }> } }>(
      `query { callRecords(filter: { createdAfter: "2000-01-01T00:00:00Z" }, first: 1) { nodes { pcapId } } }`,
    );
    const pcapId = records.body.data?.callRecords.nodes[0]?.pcapId ?? seedId('PCAP', 0);
    const response = await sip.gateway.query<Capture>(CAPTURE, { id: pcapId, d: 'INBOUND' });
    expect(response.body.errors).toBeUndefined();
    const capture = response.body.data?.callPacketCapture;
    expect(capture).toMatchObject({ pcapId, direction: 'INBOUND', sizeBytes: 24 });
    expect(Buffer.from(capture?.contentBase64 ?? '', 'base64').toString('hex').slice(0, 8)).toBe(PCAP_MAGIC);
  });

  it("answers an unknown capture with NOT_FOUND and Sinch's message, not null without a reason", async () => {
    const response = await sip.gateway.query<Capture>(CAPTURE, { id: 'no-such-call' });
    expect(response.body.data).toEqual({ callPacketCapture: null });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      upstream: { service: 'SIP_TRUNKING', httpStatus: 404, code: '404', status: 'NOT_FOUND', message: "Could not find call ID 'no-such-call'" },
    });
  });

  it('refuses a pcapId that could change the path, as a literal and as a variable, before any call', async () => {
    for (const [document, variables] of [
      [`query { callPacketCapture(pcapId: "../calls") { sizeBytes } }`, undefined],
      [CAPTURE, { id: 'abc/../../export' }],
      [CAPTURE, { id: 'a?direction=INBOUND' }],
      [CAPTURE, { id: 'x'.repeat(129) }],
    ] as const) {
      const response = await sip.gateway.query(document, variables);
      expect(response.body.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'pcapId' });
    }
    expect((await sip.admin.requests('SIP_TRUNKING')).filter((entry) => entry.path.includes('/pcap'))).toEqual([]);
  });
});

describe('callPacketCapture against a fault server', () => {
  const MAX_BYTES = 64 * 1024;
  let gateway: TestGateway;
  let faults: FaultServer;
  beforeAll(async () => {
    faults = await startFaultServer();
    gateway = await startTestGateway({
      env: { UPSTREAM_MAX_RESPONSE_BYTES: String(MAX_BYTES) },
      configure: (config: GatewayConfig) => ({ ...config, sinch: { ...config.sinch, sipUrl: faults.origin } }),
    });
  });
  afterAll(async () => {
    await gateway.close();
    await faults.close();
  });
  afterEach(() => faults.reset());

  it('returns every byte of a binary answer unchanged, and asks for the leg Sinch defaults to', async () => {
    const bytes = randomBytes(MAX_BYTES - 1);
    faults.enqueue({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    const response = await gateway.query<Capture>(CAPTURE, { id: '0a81e938-07bd-1240-8487-0ecf41868d11' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.callPacketCapture).toEqual({
      pcapId: '0a81e938-07bd-1240-8487-0ecf41868d11',
      direction: 'OUTBOUND',
      sizeBytes: bytes.length,
      contentBase64: bytes.toString('base64'),
    });
    const [request] = faults.requests;
    expect(request?.path).toBe(`/v1/projects/${SIMULATOR_PROJECT_ID}/calls/records/0a81e938-07bd-1240-8487-0ecf41868d11/pcap?direction=OUTBOUND`);
    expect(request?.headers.accept).toContain('application/octet-stream');
  });

  it('refuses a capture over UPSTREAM_MAX_RESPONSE_BYTES as UPSTREAM_BAD_RESPONSE, sent at once or trickled', async () => {
    for (const trickle of [undefined, { chunkBytes: 16 * 1024, intervalMs: 5 }]) {
      faults.enqueue({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: randomBytes(MAX_BYTES + 1), ...(trickle && { trickle }) });
      const response = await gateway.query<Capture>(CAPTURE, { id: 'big-one' });
      expect(response.body.data).toEqual({ callPacketCapture: null });
      expect(response.body.errors?.[0]?.extensions?.['code'], JSON.stringify(trickle)).toBe('UPSTREAM_BAD_RESPONSE');
    }
  });

  it('refuses a JSON or HTML 200 where a file was expected, and reads an error status as the EST envelope', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, { 'content-type': 'text/html; charset=utf-8' }]) {
      faults.enqueue({ status: 200, headers, body: '{"calls":[]}' });
      const response = await gateway.query<Capture>(CAPTURE, { id: 'abc' });
      expect(response.body.errors?.[0]?.extensions?.['code'], headers['content-type']).toBe('UPSTREAM_BAD_RESPONSE');
    }
    faults.enqueue({ status: 404, body: { code: 404, status: 'NOT_FOUND', message: "Could not find call ID 'abc'", details: [] } });
    const missing = await gateway.query<Capture>(CAPTURE, { id: 'abc' });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { httpStatus: 404, message: "Could not find call ID 'abc'" } });
  });

  it('answers an empty 200 as an empty capture', async () => {
    faults.enqueue({ status: 200, headers: { 'content-type': 'application/octet-stream' } });
    const response = await gateway.query<Capture>(CAPTURE, { id: 'abc', d: 'INBOUND' });
    expect(response.body.data?.callPacketCapture).toEqual({ pcapId: 'abc', direction: 'INBOUND', sizeBytes: 0, contentBase64: '' });
  });
});
