import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer } from '../support/faultServer.js';
import type { FaultServer } from '../support/faultServer.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

/**
 * A Verification upstream that echoes the code of a report back in its error: the code the
 * client sent is a one-time secret like the gateway's own, and never comes back out, whatever
 * the method and whether the report names the verification by id or by phone number.
 */
const REPORTS = [
  { method: 'SMS', code: '739251', by: { id: '018f2d3e-9a8b-7c6d-5e4f-3a2b1c0d9e8f' } },
  { method: 'WHATSAPP', code: '4821', by: { phoneNumber: '+12025550143' } },
  { method: 'PHONE_CALL', code: '90817263', by: { id: '018f2d3e-9a8b-7c6d-5e4f-3a2b1c0d9e90' } },
  { method: 'FLASH_CALL', code: '+46700000123', by: { phoneNumber: '+12025550144' } },
] as const;

describe('Verification report: a one-time code echoed by the upstream never reaches the client', () => {
  let fault: FaultServer;
  let gateway: TestGateway;

  beforeAll(async () => {
    fault = await startFaultServer();
    gateway = await startTestGateway({ configure: (config) => ({ ...config, sinch: { ...config.sinch, verificationUrl: fault.origin } }) });
  });

  afterAll(async () => {
    await gateway?.close();
    await fault?.close();
  });

  for (const report of REPORTS) {
    it(`withholds a ${report.method} code from the message, reference and details of a 4xx`, async () => {
      fault.reset();
      fault.handle((request) => {
        const sent = JSON.stringify(request.body);
        return {
          status: 400,
          body: {
            errorCode: 40001,
            status: 400,
            message: `Invalid code ${report.code} in ${sent}`,
            reference: `report-${report.code}`,
            details: [{ type: 'BadRequest', fieldViolations: [{ field: 'code', description: `${report.code} is not the code` }] }],
          },
        };
      });
      const response = await gateway.query(
        'mutation Report($input: ReportVerificationInput!) { reportVerification(input: $input) { status } }',
        { input: { ...report.by, method: report.method, code: report.code } },
      );
      expect(fault.requests.length, 'the report reached the upstream').toBe(1);
      expect(fault.requests[0]?.body).toContain(report.code);
      expect(response.body.errors?.[0]?.extensions?.['code']).toBeDefined();
      expect(JSON.stringify(response.body)).not.toContain(report.code);
    });
  }
});
