import { describe, expect, it } from 'vitest';
import type { SinchConfig } from '../../../src/config.js';
import { createVerificationAuthenticator } from '../../../src/upstream/verification/createVerificationAuthenticator.js';
import { signVerificationRequest } from '../../../src/upstream/verification/signVerificationRequest.js';

/** REFERENCE §2.3: the golden vectors, recomputed from the Sinch Node SDK's own tests. */
const GOLDEN_VECTORS = [
  {
    name: 'POST with a JSON body and a charset in the Content-Type',
    request: {
      applicationKey: 'my-key-id',
      applicationSecret: 'bXkta2V5LXNlY3JldA==',
      method: 'POST',
      path: '/path/pathParamValue',
      contentType: 'application/json; charset=UTF-8',
      body: '{"identity":{"type":"number","endpoint":"+33444555666"},"method":"sms"}',
      timestamp: '2023-11-22T09:10:11.999Z',
    },
    authorization: 'Application my-key-id:QP3OzQZVzRZAEev6DBLvJkgpiqyZPuXYsc7oyjUV0K8=',
  },
  {
    name: 'GET without a body (empty Content-MD5)',
    request: {
      applicationKey: 'my-key-id',
      applicationSecret: 'bXkta2V5LXNlY3JldA==',
      method: 'GET',
      path: '/path/pathParamValue',
      contentType: 'application/json',
      body: undefined,
      timestamp: '2023-11-22T09:10:11.999Z',
    },
    authorization: 'Application my-key-id:nsrLDvP6KVD/dAxb3IfAncdwjPFJVWSrseEFOcZge+A=',
  },
  {
    name: 'a callback-style request whose secret is not padded base64',
    request: {
      applicationKey: 'app-key',
      applicationSecret: 'app-secret',
      method: 'POST',
      path: '/webhook',
      contentType: 'application/json; charset=utf-8',
      body: '{"id":"018d2104-aaa-bbbb-1234","price":{"amount":0.0308},"rate":{"amount":0.0}}',
      timestamp: '2024-01-19T09:19:28.9372196Z',
    },
    authorization: 'Application app-key:p7hUz20oz16Fhfogs4Z0X+VA/Nhuu505I1alXYqwlKw=',
  },
] as const;

const SINCH: SinchConfig = {
  projectId: undefined,
  keyId: undefined,
  keySecret: undefined,
  applicationKey: 'my-key-id',
  applicationSecret: 'bXkta2V5LXNlY3JldA==',
  authUrl: 'https://auth.sinch.com',
  numbersUrl: 'https://numbers.api.sinch.com',
  verificationUrl: 'https://verification.api.sinch.com',
  sipUrl: 'https://elastic-trunking.api.sinch.com',
};

describe('Verification: signed requests (REFERENCE §2.3)', () => {
  for (const vector of GOLDEN_VECTORS) {
    it(`matches the golden vector: ${vector.name}`, () => {
      expect(signVerificationRequest(vector.request)).toEqual({
        authorization: vector.authorization,
        'x-timestamp': vector.request.timestamp,
      });
    });
  }

  it('signs with the base64-decoded secret, not the dashboard string', () => {
    const [vector] = GOLDEN_VECTORS;
    const wrong = signVerificationRequest({ ...vector.request, applicationSecret: Buffer.from(vector.request.applicationSecret).toString('base64') });
    expect(wrong.authorization).not.toBe(vector.authorization);
  });

  it('signs the path only: a query string or another body changes nothing but what it should', () => {
    const [vector] = GOLDEN_VECTORS;
    expect(signVerificationRequest({ ...vector.request, body: `${vector.request.body} ` }).authorization).not.toBe(vector.authorization);
    expect(signVerificationRequest({ ...vector.request, path: '/path/other' }).authorization).not.toBe(vector.authorization);
  });
});

describe('Verification: the request authenticator', () => {
  it('signs what the transport sends, with an ISO 8601 x-timestamp', async () => {
    const [vector] = GOLDEN_VECTORS;
    const authenticator = createVerificationAuthenticator(SINCH, () => new Date(vector.request.timestamp));
    const headers = await authenticator?.headersFor({
      method: vector.request.method,
      path: vector.request.path,
      contentType: vector.request.contentType,
      body: vector.request.body,
    });
    expect(headers).toEqual({ authorization: vector.authorization, 'x-timestamp': vector.request.timestamp });
  });

  it('is undefined without an application key and secret', () => {
    expect(createVerificationAuthenticator({ ...SINCH, applicationKey: undefined, applicationSecret: undefined })).toBeUndefined();
    expect(createVerificationAuthenticator({ ...SINCH, applicationSecret: undefined })).toBeUndefined();
  });

  it('never asks the transport to replay a request (a report must be sent once)', () => {
    expect(createVerificationAuthenticator(SINCH)?.shouldReplay).toBeUndefined();
  });
});
