import { describe, expect, it } from 'vitest';
import { createOpenApiValidator } from '../support/openApiValidator.js';
import activeNumbersListLight from '../fixtures/numbers/active-numbers-list-light.json' with { type: 'json' };
import { NUMBERS_SPEC_DEVIATIONS, NUMBERS_SPEC_PATH } from './numbersSpecDeviations.js';

const GET_ACTIVE_NUMBER = '/v1/projects/{projectId}/activeNumbers/{phoneNumber}';
const LIST_ACTIVE_NUMBERS = '/v1/projects/{projectId}/activeNumbers';

function activeNumber(): Record<string, unknown> {
  return structuredClone(activeNumbersListLight.activeNumbers[0]) as Record<string, unknown>;
}

describe('openApiValidator: validates bodies against an OpenAPI 3.0 document', () => {
  const validator = createOpenApiValidator(NUMBERS_SPEC_PATH, NUMBERS_SPEC_DEVIATIONS);

  it('accepts the SDK contract fixture of a listed number once the documented deviations are applied', () => {
    expect(validator.validateResponse('GET', LIST_ACTIVE_NUMBERS, 200, activeNumbersListLight).errors).toEqual([]);
  });

  it('rejects the same fixture against the unpatched spec, because the spec forgets nullable', () => {
    const unpatched = createOpenApiValidator(NUMBERS_SPEC_PATH);
    const result = unpatched.validateResponse('GET', LIST_ACTIVE_NUMBERS, 200, activeNumbersListLight);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/scheduledProvisioning|lastUpdatedTime/);
  });

  it('rejects a wrong type and an unknown enum value', () => {
    const body = activeNumber();
    body['capability'] = 'SMS';
    body['type'] = 'LANDLINE';
    const result = validator.validateResponse('GET', GET_ACTIVE_NUMBER, 200, body);
    expect(result.errors.join('\n')).toMatch(/\/capability must be array/);
    expect(result.errors.join('\n')).toMatch(/\/type must be equal to one of the allowed values/);
  });

  it('follows the voice discriminator: an EST configuration must carry a string trunkId', () => {
    const body = activeNumber();
    body['voiceConfiguration'] = { type: 'EST', trunkId: 42, lastUpdatedTime: null, scheduledVoiceProvisioning: null };
    expect(validator.validateResponse('GET', GET_ACTIVE_NUMBER, 200, body).errors.join('\n')).toMatch(/trunkId must be string/);
    body['voiceConfiguration'] = { type: 'SIP', lastUpdatedTime: null, scheduledVoiceProvisioning: null };
    expect(validator.validateResponse('GET', GET_ACTIVE_NUMBER, 200, body).valid).toBe(false);
  });

  it('follows $ref responses and validates error envelopes', () => {
    const notFound = { error: { code: 404, message: '', status: 'NOT_FOUND', details: [] } };
    expect(validator.validateResponse('GET', GET_ACTIVE_NUMBER, 404, notFound).valid).toBe(true);
    expect(validator.validateResponse('GET', GET_ACTIVE_NUMBER, 404, { error: { ...notFound.error, code: 400 } }).valid).toBe(false);
  });

  it('reports operations and statuses the spec does not document', () => {
    expect(validator.validateResponse('DELETE', GET_ACTIVE_NUMBER, 200, {}).errors).toEqual([
      `the spec has no operation DELETE ${GET_ACTIVE_NUMBER}`,
    ]);
    expect(validator.validateResponse('GET', GET_ACTIVE_NUMBER, 401, {}).errors).toEqual([
      `GET ${GET_ACTIVE_NUMBER} documents no response 401`,
    ]);
  });
});
