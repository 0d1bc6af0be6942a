import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_CONFIGURED_MESSAGE } from '../../../src/upstream/verification/VerificationClient.js';
import { REPORT, START, startVerificationTestGateway, type VerificationTestGateway } from './verificationTestGateway.js';

describe('Verification GraphQL: without application credentials', () => {
  let gateway: VerificationTestGateway;
  beforeAll(async () => {
    gateway = await startVerificationTestGateway({
      configure: (config) => ({ ...config, sinch: { ...config.sinch, applicationKey: undefined, applicationSecret: undefined } }),
    });
  });
  afterAll(() => gateway.close());

  const operations: Array<[string, string, Record<string, unknown>]> = [
    ['startVerification', START, { input: { phoneNumber: '+46701234567', method: 'SMS' } }],
    ['reportVerification by id', REPORT, { input: { id: 'abc', method: 'SMS', code: '1234' } }],
    ['reportVerification by number', REPORT, { input: { phoneNumber: '+46701234567', method: 'SMS', code: '1234' } }],
    ['verification', '{ verification(id: "abc") { id } }', {}],
    ['verificationByReference', '{ verificationByReference(reference: "ref") { id } }', {}],
    ['verificationByIdentity', '{ verificationByIdentity(method: SMS, phoneNumber: "+46701234567") { id } }', {}],
  ];
  for (const [name, document, variables] of operations) {
    it(`fails ${name} with FAILED_PRECONDITION before any upstream call`, async () => {
      const response = await gateway.query(document, variables);
      expect(response.body.errors?.[0]).toMatchObject({ message: NOT_CONFIGURED_MESSAGE, extensions: { code: 'FAILED_PRECONDITION' } });
      expect(await gateway.upstreamCalls()).toBe(0);
    });
  }
});
