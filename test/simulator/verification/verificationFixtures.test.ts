import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOpenApiValidator } from '../../support/openApiValidator.js';
import { VERIFICATION_SPEC_DEVIATIONS, VERIFICATION_SPEC_PATH } from './verificationSpecDeviations.js';

const FIXTURES = new URL('../../fixtures/verification/', import.meta.url);
const OPERATIONS: Array<[RegExp, string, string]> = [
  [/StartResponse/, 'POST', '/verification/v1/verifications'],
  [/ReportResponse/, 'PUT', '/verification/v1/verifications/id/{id}'],
  [/StatusResponse/, 'GET', '/verification/v1/verifications/id/{id}'],
];

/** The spec patches are only trustworthy if Sinch's own golden data passes them, and fails without. */
describe("Verification spec deviations: Sinch's SDK fixtures", () => {
  const patched = createOpenApiValidator(VERIFICATION_SPEC_PATH, VERIFICATION_SPEC_DEVIATIONS);
  const literal = createOpenApiValidator(VERIFICATION_SPEC_PATH);
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith('Dto.json'));

  for (const file of files) {
    const [, method, path] = OPERATIONS.find(([pattern]) => pattern.test(file)) ?? [];
    it(`${file} conforms to the patched spec`, () => {
      const body: unknown = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'));
      expect(patched.validateResponse(method ?? '', path ?? '', 200, body).errors).toEqual([]);
    });
  }

  it('the literal spec rejects them (which is why the patches exist)', () => {
    const body: unknown = JSON.parse(readFileSync(new URL('VerificationStatusResponseSmsDto.json', FIXTURES), 'utf8'));
    expect(literal.validateResponse('GET', '/verification/v1/verifications/id/{id}', 200, body).valid).toBe(false);
  });
});
