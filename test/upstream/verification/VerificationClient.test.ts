import { describe, expect, it, vi } from 'vitest';
import { GatewayError } from '../../../src/errors/GatewayError.js';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import type { UpstreamHttpClient, UpstreamRequest } from '../../../src/upstream/http/UpstreamHttpClient.js';
import { UpstreamError } from '../../../src/upstream/UpstreamError.js';
import { NOT_CONFIGURED_MESSAGE, VerificationClient } from '../../../src/upstream/verification/VerificationClient.js';
import { createVerificationLoaders } from '../../../src/upstream/verification/createVerificationLoaders.js';

const SMS_REPORT = { method: 'sms', sms: { code: '1234' } } as const;

function fakeHttp(answer: (request: UpstreamRequest) => unknown = () => ({ id: 'v-1', method: 'sms' })) {
  const calls: UpstreamRequest[] = [];
  const request = vi.fn(async (call: UpstreamRequest) => {
    calls.push(call);
    const body = answer(call);
    if (body instanceof Error) throw body;
    return { statusCode: 200, headers: { 'content-language': 'sv-SE' }, body };
  });
  return { http: { service: 'VERIFICATION', request } as unknown as UpstreamHttpClient, calls };
}

describe('Verification client: endpoints', () => {
  it('starts with POST /verification/v1/verifications, the body as JSON and the locale as Accept-Language', async () => {
    const { http, calls } = fakeHttp();
    const started = await new VerificationClient(http).start(
      { identity: { type: 'number', endpoint: '+46701234567' }, method: 'sms' },
      { acceptLanguage: 'sv-SE' },
    );
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/verification/v1/verifications', headers: { 'accept-language': 'sv-SE' } });
    expect(started).toEqual({ requestedMethod: 'sms', response: { id: 'v-1', method: 'sms' }, contentLanguage: 'sv-SE' });
  });

  it('builds every path from validated segments: a literal + for numbers, the method as literal text', async () => {
    const { http, calls } = fakeHttp();
    const client = new VerificationClient(http);
    await client.reportById('1ce0ffee-c0de-5eed-d00d-f00dfeed1337', SMS_REPORT);
    await client.reportByIdentity('+46701234567', SMS_REPORT);
    await client.statusById('abc-1');
    await client.statusByReference('order.42_~x');
    for (const method of ['sms', 'flashcall', 'callout', 'whatsapp'] as const) await client.statusByIdentity(method, '+46701234567');
    expect(calls.map((call) => `${call.method} ${call.path} | ${call.route}`)).toEqual([
      'PUT /verification/v1/verifications/id/1ce0ffee-c0de-5eed-d00d-f00dfeed1337 | /verification/v1/verifications/id/{id}',
      'PUT /verification/v1/verifications/number/+46701234567 | /verification/v1/verifications/number/{endpoint}',
      'GET /verification/v1/verifications/id/abc-1 | /verification/v1/verifications/id/{id}',
      'GET /verification/v1/verifications/reference/order.42_~x | /verification/v1/verifications/reference/{reference}',
      'GET /verification/v1/verifications/sms/number/+46701234567 | /verification/v1/verifications/{method}/number/{endpoint}',
      'GET /verification/v1/verifications/flashcall/number/+46701234567 | /verification/v1/verifications/{method}/number/{endpoint}',
      'GET /verification/v1/verifications/callout/number/+46701234567 | /verification/v1/verifications/{method}/number/{endpoint}',
      'GET /verification/v1/verifications/whatsapp/number/+46701234567 | /verification/v1/verifications/{method}/number/{endpoint}',
    ]);
  });

  it('refuses an id, reference or number that could change the path, before any call and any budget', async () => {
    const { http, calls } = fakeHttp();
    const client = new VerificationClient(http, { reportBudget: { maxAttempts: 1 } });
    await expect(client.reportById('../admin', SMS_REPORT)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(client.statusByReference('a/b')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(client.reportByIdentity('0046701234567', SMS_REPORT)).rejects.toBeInstanceOf(InvalidInputError);
    expect(calls).toEqual([]);
    // The budget of 1 is untouched: a valid report still goes through.
    await client.reportByIdentity('+46701234567', SMS_REPORT);
    expect(calls).toHaveLength(1);
  });
});

describe('Verification client: without credentials', () => {
  it('fails every operation with FAILED_PRECONDITION before any upstream call', async () => {
    const { http, calls } = fakeHttp();
    const client = new VerificationClient(http, { configured: false });
    const operations = [
      () => client.start({ identity: { type: 'number', endpoint: '+46701234567' }, method: 'sms' }),
      () => client.reportById('abc', SMS_REPORT),
      () => client.reportByIdentity('+46701234567', SMS_REPORT),
      () => client.statusById('abc'),
      () => client.statusByReference('ref'),
      () => client.statusByIdentity('sms', '+46701234567'),
    ];
    for (const operation of operations) {
      await expect(operation()).rejects.toEqual(new GatewayError('FAILED_PRECONDITION', NOT_CONFIGURED_MESSAGE));
    }
    expect(calls).toEqual([]);
  });
});

describe('Verification client: report budget', () => {
  it('spends an attempt before the call, even when the call fails, and then refuses without calling', async () => {
    const failure = new UpstreamError({ service: 'VERIFICATION', failure: 'HTTP_STATUS', endpoint: 'PUT x', httpStatus: 503 });
    const { http, calls } = fakeHttp(() => failure);
    const client = new VerificationClient(http, { reportBudget: { maxAttempts: 2 } });
    await expect(client.reportById('abc', SMS_REPORT)).rejects.toBe(failure);
    await expect(client.reportById('abc', SMS_REPORT)).rejects.toBe(failure);
    await expect(client.reportById('abc', SMS_REPORT)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(calls).toHaveLength(2);
  });

  it('budgets reports by phone number separately from reports by id', async () => {
    const { http } = fakeHttp();
    const client = new VerificationClient(http, { reportBudget: { maxAttempts: 1 } });
    await client.reportById('abc', SMS_REPORT);
    await client.reportByIdentity('+46701234567', SMS_REPORT);
    await expect(client.reportByIdentity('+46701234567', SMS_REPORT)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('Verification loaders', () => {
  it('fetch a verification once per operation, however many fields ask for it, and read 404 as null', async () => {
    const notFound = new UpstreamError({ service: 'VERIFICATION', failure: 'HTTP_STATUS', endpoint: 'GET x', httpStatus: 404, upstreamCode: '40400' });
    const { http, calls } = fakeHttp((request) => (request.path.endsWith('/missing') ? notFound : { id: request.path.split('/').pop() }));
    const loaders = createVerificationLoaders(new VerificationClient(http), { projectId: 'p', signal: new AbortController().signal });
    const results = await Promise.all([loaders.byId.load('a'), loaders.byId.load('a'), loaders.byId.load('missing')]);
    expect(results).toEqual([{ id: 'a' }, { id: 'a' }, null]);
    expect(calls.map((call) => call.path)).toEqual(['/verification/v1/verifications/id/a', '/verification/v1/verifications/id/missing']);
  });

  it('key identity lookups by method and number', async () => {
    const { http, calls } = fakeHttp();
    const loaders = createVerificationLoaders(new VerificationClient(http), { projectId: 'p', signal: new AbortController().signal });
    await Promise.all([
      loaders.byIdentity.load({ method: 'sms', phoneNumber: '+46701234567' }),
      loaders.byIdentity.load({ method: 'sms', phoneNumber: '+46701234567' }),
      loaders.byIdentity.load({ method: 'callout', phoneNumber: '+46701234567' }),
    ]);
    expect(calls).toHaveLength(2);
  });
});
