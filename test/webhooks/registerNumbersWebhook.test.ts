import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { registerNumbersWebhook } from '../../src/webhooks/registerNumbersWebhook.js';
import { startWebhookApp, type WebhookApp } from './support/startWebhookApp.js';

/** REFERENCE §4.6 golden vector. */
const GOLDEN_SECRET = 'callback-secret';
const GOLDEN_PROJECT = '37b62a7b-0177-abcd-efgh-e10f848de123';
const GOLDEN_BODY =
  '{"eventId":"01hpa0mww4m79q8j2dwn3ggbgz","timestamp":"2024-02-10T17:22:09.412722588","projectId":"37b62a7b-0177-abcd-efgh-e10f848de123","resourceId":"+17818510001","resourceType":"ACTIVE_NUMBER","eventType":"DEPROVISIONING_FROM_VOICE_PLATFORM","status":"SUCCEEDED","failureCode":null}';
const GOLDEN_SIGNATURE = 'dcf80daac2f232f4b23d5f719db3aa0fdca6af43';
/** One second after the golden event. */
const GOLDEN_NOW = Date.parse('2024-02-10T17:22:10Z');

const sign = (body: string, secret = GOLDEN_SECRET) => createHmac('sha1', secret).update(body).digest('hex');

function eventBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...JSON.parse(GOLDEN_BODY), ...overrides });
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('Numbers webhook receiver', () => {
  let receiver: WebhookApp | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  const start = async (options: Parameters<typeof startWebhookApp>[0] = {}) => {
    receiver = await startWebhookApp({ now: () => GOLDEN_NOW, ...options }, { [GOLDEN_PROJECT]: GOLDEN_SECRET });
    return receiver;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('accepts the golden vector of REFERENCE §4.6 and hands over a typed event', async () => {
    const { url, events } = await start();
    expect(sign(GOLDEN_BODY)).toBe(GOLDEN_SIGNATURE);
    expect(await post(url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE })).toEqual({ status: 200, body: { received: true, duplicate: false } });
    await settle();
    expect(events).toEqual([
      {
        eventId: '01hpa0mww4m79q8j2dwn3ggbgz',
        timestamp: '2024-02-10T17:22:09.412722588',
        occurredAt: Date.parse('2024-02-10T17:22:09.412Z'),
        projectId: GOLDEN_PROJECT,
        resourceId: '+17818510001',
        resourceType: 'ACTIVE_NUMBER',
        eventType: 'DEPROVISIONING_FROM_VOICE_PLATFORM',
        status: 'SUCCEEDED',
        failureCode: null,
        internalFailureCode: null,
      },
    ]);
  });

  it('answers before the event is processed: a slow or failing handler changes nothing', async () => {
    let calls = 0;
    const { url } = await start({
      onEvent: () => {
        calls += 1;
        if (calls === 1) return new Promise<void>(() => undefined);
        throw new Error('handler bug');
      },
    });
    expect((await post(url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE })).status).toBe(200);
    const second = eventBody({ eventId: '01hpa0mww4m79q8j2dwn3ggbh0' });
    expect((await post(url, second, { 'x-sinch-signature': sign(second) })).status).toBe(200);
    await settle();
    expect(calls).toBe(2);
  });

  it('refuses a missing signature with 401 without asking for the secret', async () => {
    const { url, events, secretCalls } = await start();
    expect(await post(url, GOLDEN_BODY)).toEqual({ status: 401, body: { error: { code: 'WEBHOOK_SIGNATURE_MISSING', message: expect.any(String) } } });
    expect(secretCalls).toEqual([]);
    await settle();
    expect(events).toEqual([]);
  });

  it('refuses a wrong signature after refreshing the secret once, and refreshes at most once per cooldown', async () => {
    const { url, events, secretCalls } = await start();
    const wrong = sign(GOLDEN_BODY, 'another-secret');
    expect((await post(url, GOLDEN_BODY, { 'x-sinch-signature': wrong })).body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(secretCalls).toEqual([`resolve ${GOLDEN_PROJECT}`, `refresh ${GOLDEN_PROJECT}`]);
    expect((await post(url, GOLDEN_BODY, { 'x-sinch-signature': wrong })).status).toBe(401);
    expect(secretCalls.filter((call) => call.startsWith('refresh'))).toHaveLength(1);
    await settle();
    expect(events).toEqual([]);
  });

  it.each([
    ['uppercase hex', GOLDEN_SIGNATURE.toUpperCase()],
    ['a truncated signature', GOLDEN_SIGNATURE.slice(0, 39)],
    ['a sha256-sized signature', `${GOLDEN_SIGNATURE}${GOLDEN_SIGNATURE}`.slice(0, 64)],
    ['a non-hex value', 'not-a-signature'],
  ])('refuses %s with 401', async (_case, signature) => {
    const { url } = await start();
    expect((await post(url, GOLDEN_BODY, { 'x-sinch-signature': signature })).status).toBe(401);
  });

  it('refuses a body tampered by one byte', async () => {
    const { url, events } = await start();
    const tampered = GOLDEN_BODY.replace('+17818510001', '+17818510002');
    expect(tampered).toHaveLength(GOLDEN_BODY.length);
    expect((await post(url, tampered, { 'x-sinch-signature': GOLDEN_SIGNATURE })).status).toBe(401);
    await settle();
    expect(events).toEqual([]);
  });

  it.each([
    ['from the future beyond the skew', '2024-02-10T17:27:11.000000', 401],
    ['from the future within the skew', '2024-02-10T17:27:09.000000', 200],
    ['five minutes old, as a first retry would be', '2024-02-10T17:17:09.000000', 200],
    ['just under 24 h old', '2024-02-09T17:22:11.000000', 200],
    ['with a Z like the SDK sends it', '2024-02-10T17:22:09.412Z', 200],
  ])('checks a timestamp %s against the 24 h age and the 300 s skew', async (_case, timestamp, status) => {
    const { url, events } = await start();
    const body = eventBody({ timestamp });
    const response = await post(url, body, { 'x-sinch-signature': sign(body) });
    expect(response.status).toBe(status);
    if (status === 401) expect(response.body.error.code).toBe('WEBHOOK_TIMESTAMP_OUT_OF_WINDOW');
    else expect(response.body).toEqual({ received: true, duplicate: false });
    await settle();
    expect(events).toHaveLength(status === 200 ? 1 : 0);
  });

  it('does not process an event older than the maximum age, and answers 200 so that Sinch stops retrying it', async () => {
    const outcomes: string[] = [];
    const { url, events } = await start({ onOutcome: (outcome) => outcomes.push(outcome) });
    const body = eventBody({ timestamp: '2024-02-09T17:22:08.000000' });
    expect(await post(url, body, { 'x-sinch-signature': sign(body) })).toEqual({ status: 200, body: { received: true, processed: false, code: 'WEBHOOK_EVENT_TOO_OLD' } });
    // A retry of it gets the same answer and is not processed either.
    expect((await post(url, body, { 'x-sinch-signature': sign(body) })).body.processed).toBe(false);
    await settle();
    expect(events).toEqual([]);
    expect(outcomes).toEqual(['too_old', 'too_old']);
  });

  it('still refuses the 2024 reference vector on today\'s clock: signed, but far too old', async () => {
    const { url, events } = await start({ now: Date.now });
    expect(await post(url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE })).toEqual({ status: 200, body: { received: true, processed: false, code: 'WEBHOOK_EVENT_TOO_OLD' } });
    // The signature is still checked first: a forged old event learns nothing but 401.
    expect((await post(url, GOLDEN_BODY, { 'x-sinch-signature': sign(GOLDEN_BODY, 'not-the-secret') })).status).toBe(401);
    await settle();
    expect(events).toEqual([]);
  });

  it('takes NUMBERS_CALLBACK_MAX_AGE_S and the skew from its options', async () => {
    const { url, events } = await start({ maxAgeSeconds: 60, maxSkewSeconds: 0 });
    const old = eventBody({ eventId: 'old', timestamp: '2024-02-10T17:21:09.000000' });
    const recent = eventBody({ eventId: 'recent', timestamp: '2024-02-10T17:21:11.000000' });
    const ahead = eventBody({ eventId: 'ahead', timestamp: '2024-02-10T17:22:11.000000' });
    expect((await post(url, old, { 'x-sinch-signature': sign(old) })).body.processed).toBe(false);
    expect((await post(url, recent, { 'x-sinch-signature': sign(recent) })).body).toEqual({ received: true, duplicate: false });
    expect((await post(url, ahead, { 'x-sinch-signature': sign(ahead) })).status).toBe(401);
    await settle();
    expect(events.map((event) => event.eventId)).toEqual(['recent']);
  });

  it('remembers an event id for the whole accepted age: a redelivery 23 h later is processed once', async () => {
    const clock = { now: GOLDEN_NOW };
    const { url, events } = await start({ now: () => clock.now });
    expect((await post(url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE })).body).toEqual({ received: true, duplicate: false });
    clock.now += 23 * 3_600_000;
    expect((await post(url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE })).body).toEqual({ received: true, duplicate: true });
    clock.now += 3_600_000;
    // Past 24 h the age check refuses it: the memory was never the only guard.
    expect((await post(url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE })).body.processed).toBe(false);
    await settle();
    expect(events).toHaveLength(1);
  });

  it('at its capacity forgets the least recently seen id: that one redelivery is processed again, nothing else', async () => {
    const { url, events } = await start({ dedupeCapacity: 2 });
    const bodies = ['a', 'b', 'c'].map((eventId) => eventBody({ eventId }));
    for (const body of bodies) expect((await post(url, body, { 'x-sinch-signature': sign(body) })).body.duplicate).toBe(false);
    const [a, b, c] = bodies as [string, string, string];
    expect((await post(url, c, { 'x-sinch-signature': sign(c) })).body.duplicate).toBe(true);
    expect((await post(url, b, { 'x-sinch-signature': sign(b) })).body.duplicate).toBe(true);
    expect((await post(url, a, { 'x-sinch-signature': sign(a) })).body.duplicate).toBe(false);
    await settle();
    expect(events.map((event) => event.eventId)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('processes a repeated eventId once and still answers 200', async () => {
    const { url, events } = await start();
    const first = await post(url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE });
    const second = await post(url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE });
    expect([first.body, second.body]).toEqual([{ received: true, duplicate: false }, { received: true, duplicate: true }]);
    await settle();
    expect(events).toHaveLength(1);
  });

  it('refuses a body over the limit with 413 before reading the secret', async () => {
    const { url, secretCalls } = await start({ maxBodyBytes: 1024 });
    const body = eventBody({ padding: 'x'.repeat(2048) });
    const response = await post(url, body, { 'x-sinch-signature': sign(body) });
    expect(response).toEqual({ status: 413, body: { error: { code: 'WEBHOOK_BODY_TOO_LARGE', message: expect.any(String) } } });
    expect(secretCalls).toEqual([]);
  });

  it('defaults the body limit to 64 KiB', async () => {
    const { url } = await start();
    const small = eventBody({ padding: 'x'.repeat(60 * 1024) });
    expect((await post(url, small, { 'x-sinch-signature': sign(small) })).status).toBe(200);
    const large = eventBody({ eventId: '01hpa0mww4m79q8j2dwn3ggbh1', padding: 'x'.repeat(64 * 1024) });
    expect((await post(url, large, { 'x-sinch-signature': sign(large) })).status).toBe(413);
  });

  it.each([
    ['malformed JSON', '{"eventId":', undefined],
    ['a JSON array', '[1,2]', undefined],
    ['a missing eventId', eventBody({ eventId: undefined }), 'eventId'],
    ['an unknown resourceType', eventBody({ resourceType: 'SIP_TRUNK' }), 'resourceType'],
    ['an unknown status', eventBody({ status: 'MAYBE' }), 'status'],
    ['an unreadable timestamp', eventBody({ timestamp: 'yesterday' }), 'timestamp'],
  ])('refuses %s with 400', async (_case, body, field) => {
    const { url, events } = await start();
    const response = await post(url, body, { 'x-sinch-signature': sign(body) });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('WEBHOOK_PAYLOAD_INVALID');
    if (field !== undefined) expect(response.body.error.problems.join()).toContain(field);
    await settle();
    expect(events).toEqual([]);
  });

  it('refuses other content types with 415', async () => {
    const { url } = await start();
    const response = await post(url, GOLDEN_BODY, { 'content-type': 'text/plain', 'x-sinch-signature': GOLDEN_SIGNATURE });
    expect(response.body.error.code).toBe('WEBHOOK_UNSUPPORTED_MEDIA_TYPE');
    expect(response.status).toBe(415);
  });

  it('keeps failure codes it does not know, and accepts NUMBER_ORDER events', async () => {
    const { url, events } = await start();
    const failed = eventBody({ eventId: 'e1', status: 'FAILED', failureCode: 'PROVISIONING_TO_VOICE_PLATFORM_FAILED', internalFailureCode: 'CRS0018' });
    const order = eventBody({ eventId: 'e2', resourceType: 'NUMBER_ORDER', resourceId: '01jgkbb8xywmz3hhahd76menqf', eventType: 'NUMBER_ORDER_PROCESSING', status: 'IN_REVIEW', failureCode: undefined });
    expect((await post(url, failed, { 'x-sinch-signature': sign(failed) })).status).toBe(200);
    expect((await post(url, order, { 'x-sinch-signature': sign(order) })).status).toBe(200);
    await settle();
    expect(events).toEqual([
      expect.objectContaining({ resourceType: 'ACTIVE_NUMBER', failureCode: 'PROVISIONING_TO_VOICE_PLATFORM_FAILED', internalFailureCode: 'CRS0018' }),
      expect.objectContaining({ resourceType: 'NUMBER_ORDER', eventType: 'NUMBER_ORDER_PROCESSING', status: 'IN_REVIEW' }),
    ]);
  });

  it('accepts an event signed with a rotated secret after one refresh', async () => {
    const app = await start();
    const rotated = 'rotated-secret-0123456789abcdef0123';
    app.secrets.set(GOLDEN_PROJECT, rotated);
    expect((await post(app.url, GOLDEN_BODY, { 'x-sinch-signature': sign(GOLDEN_BODY, rotated) })).status).toBe(200);
    expect(app.secretCalls).toEqual([`resolve ${GOLDEN_PROJECT}`, `refresh ${GOLDEN_PROJECT}`]);
    // The refreshed secret is cached: the next event needs no refresh.
    const next = eventBody({ eventId: 'e3' });
    expect((await post(app.url, next, { 'x-sinch-signature': sign(next, rotated) })).status).toBe(200);
    expect(app.secretCalls.filter((call) => call.startsWith('refresh'))).toHaveLength(1);
  });

  it('refuses a project it has no secret for with 401, and answers 503 when the secret cannot be read', async () => {
    const { url } = await start();
    const foreign = eventBody({ projectId: 'someone-else' });
    expect((await post(url, foreign, { 'x-sinch-signature': sign(foreign) })).status).toBe(401);
    await receiver?.close();
    receiver = await startWebhookApp({
      now: () => GOLDEN_NOW,
      secret: { resolve: () => Promise.reject(new Error('numbers API down')), refresh: () => Promise.reject(new Error('numbers API down')) },
    });
    const response = await post(receiver.url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE });
    expect([response.status, response.body.error.code]).toEqual([503, 'WEBHOOK_SECRET_UNAVAILABLE']);
  });

  it('never logs the signature, the secret or the body', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'trace' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const { url } = await start({ logger });
    await post(url, GOLDEN_BODY, { 'x-sinch-signature': GOLDEN_SIGNATURE });
    const wrong = sign(GOLDEN_BODY, 'nope');
    await post(url, GOLDEN_BODY, { 'x-sinch-signature': wrong });
    await post(url, '{"broken', { 'x-sinch-signature': wrong });
    const output = lines.join('\n');
    expect(output).toContain('numbers callback accepted');
    for (const secretPart of [GOLDEN_SIGNATURE, wrong, GOLDEN_SECRET, '+17818510001', '{"broken']) expect(output).not.toContain(secretPart);
  });

  it('leaves the rest of the application with its own JSON parser', async () => {
    const other = Fastify();
    other.post('/echo', async (request) => request.body);
    await registerNumbersWebhook(other, { secret: { resolve: async () => undefined, refresh: async () => undefined }, onEvent: () => undefined });
    const echoed = await other.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
    expect(echoed.json()).toEqual({ a: 1 });
    await other.close();
  });
});
