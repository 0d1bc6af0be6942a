import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_APPLICATION_KEY, SIMULATOR_APPLICATION_SECRET } from '../../../src/simulator/simulatorCredentials.js';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { expectedSignature } from '../../../src/simulator/verification/requireApplicationSignature.js';
import { createVerificationTestClient, startBody, type VerificationTestClient } from './verificationTestClient.js';

const PATH = '/verification/v1/verifications';
const BODY = startBody('sms', '+46701234567');

describe('Verification simulator: application-signed requests', () => {
  let simulator: RunningSimulator;
  let send: VerificationTestClient;

  beforeAll(async () => {
    simulator = await startSimulator();
    send = createVerificationTestClient(simulator.url);
  });
  afterAll(() => simulator.close());

  it('accepts a correctly signed request', async () => {
    expect((await send('POST', PATH, { body: BODY })).status).toBe(200);
  });

  it('accepts Basic application key and secret', async () => {
    const basic = `Basic ${Buffer.from(`${SIMULATOR_APPLICATION_KEY}:${SIMULATOR_APPLICATION_SECRET}`).toString('base64')}`;
    expect((await send('POST', PATH, { body: BODY, authorization: basic, timestamp: null })).status).toBe(200);
  });

  const refusals = [
    { name: 'no Authorization header', options: { authorization: null }, status: 401, errorCode: 40104, message: 'Authorization required' },
    { name: 'an Authorization header without a scheme', options: { authorization: 'garbage' }, status: 401, errorCode: 40100, message: 'Invalid authorization header' },
    { name: 'an unknown scheme', options: { authorization: 'Bearer abc' }, status: 401, errorCode: 40100, message: 'Invalid authorization header' },
    { name: 'no x-timestamp', options: { timestamp: null }, status: 401, errorCode: 40101, message: 'X-Timestamp required' },
    { name: 'an x-timestamp that is not a date', options: { timestamp: 'yesterday' }, status: 401, errorCode: 40101, message: 'X-Timestamp required' },
    { name: 'a wrong signature', options: { authorization: `Application ${SIMULATOR_APPLICATION_KEY}:AAAA` }, status: 401, errorCode: 40102, message: 'Invalid signature' },
    { name: 'an unknown application key', options: { authorization: 'Application someone-else:AAAA' }, status: 401, errorCode: 40107, message: 'Invalid authorization' },
    {
      name: 'a wrong Basic secret',
      options: { authorization: `Basic ${Buffer.from(`${SIMULATOR_APPLICATION_KEY}:nope`).toString('base64')}` },
      status: 401,
      errorCode: 40107,
      message: 'Invalid authorization',
    },
    {
      name: 'the public scheme (key without signature) on an application without callback URL',
      options: { authorization: `Application ${SIMULATOR_APPLICATION_KEY}` },
      status: 403,
      errorCode: 40303,
      message: 'No verification method available',
    },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} with ${refusal.errorCode}`, async () => {
      const response = await send('POST', PATH, { body: BODY, ...refusal.options });
      expect(response.status).toBe(refusal.status);
      expect(response.body).toEqual({ status: expect.stringMatching(new RegExp(`^${refusal.status} [A-Za-z]+$`)), errorCode: refusal.errorCode, message: refusal.message, reference: expect.any(String) });
    });
  }

  it('refuses a request signed with the base64 secret string instead of its decoded bytes', async () => {
    const wrongKey = Buffer.from(SIMULATOR_APPLICATION_SECRET).toString('base64');
    const response = await createVerificationTestClient(simulator.url, wrongKey)('POST', PATH, { body: BODY });
    expect(response.body.errorCode).toBe(40102);
  });

  it('refuses a signature over another body (the Content-MD5 is part of the signature)', async () => {
    const signedForOtherBody = createVerificationTestClient(simulator.url);
    const response = await signedForOtherBody('POST', PATH, {
      body: BODY,
      authorization: `Application ${SIMULATOR_APPLICATION_KEY}:${expectedSignature(
        { method: 'POST', rawPath: PATH, headers: { 'content-type': 'application/json' }, bodyText: '{}' },
        SIMULATOR_APPLICATION_SECRET,
        '2024-01-01T00:00:00.000Z',
      )}`,
      timestamp: '2024-01-01T00:00:00.000Z',
    });
    expect(response.body.errorCode).toBe(40102);
  });

  it('computes the golden vectors of REFERENCE §2.3 independently of the gateway', () => {
    const post = expectedSignature(
      {
        method: 'POST',
        rawPath: '/path/pathParamValue',
        headers: { 'content-type': 'application/json; charset=UTF-8' },
        bodyText: '{"identity":{"type":"number","endpoint":"+33444555666"},"method":"sms"}',
      },
      'bXkta2V5LXNlY3JldA==',
      '2023-11-22T09:10:11.999Z',
    );
    const get = expectedSignature(
      { method: 'GET', rawPath: '/path/pathParamValue', headers: { 'content-type': 'application/json' }, bodyText: '' },
      'bXkta2V5LXNlY3JldA==',
      '2023-11-22T09:10:11.999Z',
    );
    const webhook = expectedSignature(
      {
        method: 'POST',
        rawPath: '/webhook',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        bodyText: '{"id":"018d2104-aaa-bbbb-1234","price":{"amount":0.0308},"rate":{"amount":0.0}}',
      },
      'app-secret',
      '2024-01-19T09:19:28.9372196Z',
    );
    expect([post, get, webhook]).toEqual([
      'QP3OzQZVzRZAEev6DBLvJkgpiqyZPuXYsc7oyjUV0K8=',
      'nsrLDvP6KVD/dAxb3IfAncdwjPFJVWSrseEFOcZge+A=',
      'p7hUz20oz16Fhfogs4Z0X+VA/Nhuu505I1alXYqwlKw=',
    ]);
  });
});
