import { readFileSync } from 'node:fs';
import type { GraphQLUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { components } from '../../../src/generated/openapi/numbers.js';
import { createSchema } from '../../../src/graphql/createSchema.js';
import { describeProvisioningError } from '../../../src/upstream/numbers/describeProvisioningError.js';
import { isResubmittable } from '../../../src/upstream/numbers/isResubmittable.js';
import { PROVISIONING_ERROR_CATALOG, UNKNOWN_PROVISIONING_ERROR_TYPE_NAME } from '../../../src/upstream/numbers/provisioningErrorCatalog.js';
import { toProvisioningState } from '../../../src/upstream/numbers/toProvisioningState.js';

/** Seed 000 (Sinch's Numbers "Error Handling" page), copied verbatim into the repository so the test runs anywhere. */
const SEED_000 = readFileSync(new URL('./fixtures/seed-000-provisioning-errors.txt', import.meta.url), 'utf8');

/** The rows of seed 000's "Provisioning error codes" table: `| code | description | suggested action |`. */
function seedErrorTable(): Array<{ code: string; description: string; suggestedAction: string }> {
  const section = SEED_000.split('## Provisioning error codes')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| [0-9A-Z_]+ \|/.test(line))
    .map((line) => {
      const cells = line.replace(/^\| /, '').replace(/ ?\|?\s*$/, '').split(' | ');
      return { code: cells[0] ?? '', description: cells[1] ?? '', suggestedAction: cells[2] ?? '' };
    });
}

/** Every value of the API's SmsErrorCode enum, checked at compile time against the generated type. */
const API_SMS_ERROR_CODES = [
  'ERROR_CODE_UNSPECIFIED', 'INTERNAL_ERROR', 'SMS_PROVISIONING_FAILED', 'CAMPAIGN_PROVISIONING_FAILED', 'CAMPAIGN_NOT_AVAILABLE',
  'EXCEEDED_10DLC_LIMIT', 'NUMBER_PROVISIONING_FAILED', 'PARTNER_SERVICE_UNAVAILABLE', 'CAMPAIGN_PENDING_ACCEPTANCE', 'MNO_SHARING_ERROR',
  'CAMPAIGN_EXPIRED', 'CAMPAIGN_MNO_REJECTED', 'CAMPAIGN_MNO_SUSPENDED', 'CAMPAIGN_MNO_REVIEW', 'INSUFFICIENT_BALANCE',
  'MOCK_CAMPAIGN_NOT_ALLOWED', 'TFN_NOT_ALLOWED', 'INVALID_NNID',
] as const satisfies ReadonlyArray<components['schemas']['SmsErrorCode']>;

describe('Provisioning error catalogue: seed 000', () => {
  const table = seedErrorTable();

  it('reads the nine codes of the seed table', () => {
    expect(table.map((row) => row.code)).toEqual([
      'CAMPAIGN_NOT_AVAILABLE', '10DLC_LIMIT_EXCEEDED', 'NUMBER_PROVISIONING_FAILED', 'PARTNER_SERVICE_UNAVAILABLE', 'CAMPAIGN_PENDING_ACCEPTANCE',
      'MNO_SHARING_ERROR', 'CAMPAIGN_PROVISIONING_FAILED', 'SMS_PROVISIONING_FAILED', 'INTERNAL_ERROR',
    ]);
  });

  it.each(table)('copies the description and suggested action of $code verbatim', ({ code, description, suggestedAction }) => {
    const entry = PROVISIONING_ERROR_CATALOG.find((candidate) => candidate.code === code);
    expect(entry?.source).toBe('seed-000');
    expect(entry?.description.startsWith(description)).toBe(true);
    expect(entry?.suggestedAction).toBe(suggestedAction);
  });

  it('keeps descriptions exactly as the seed has them, except for resolving its one footnote', () => {
    for (const { code, description } of table) {
      const entry = PROVISIONING_ERROR_CATALOG.find((candidate) => candidate.code === code);
      const footnote = description.endsWith('*') ? ` (${SEED_000.match(/^\*(May not apply[^\n]*)$/m)?.[0]})` : '';
      expect(entry?.description).toBe(description + footnote);
    }
  });

  it('marks only the seed codes as coming from seed 000', () => {
    const seedCodes = table.map((row) => row.code).sort();
    expect(PROVISIONING_ERROR_CATALOG.filter((entry) => entry.source === 'seed-000').map((entry) => entry.code).sort()).toEqual(seedCodes);
  });
});

describe('Provisioning error catalogue: the API enum and the schema', () => {
  it('knows every SmsErrorCode of the API except ERROR_CODE_UNSPECIFIED', () => {
    for (const code of API_SMS_ERROR_CODES) {
      const typeName = describeProvisioningError(code).typeName;
      expect([code, typeName]).toEqual([code, code === 'ERROR_CODE_UNSPECIFIED' ? UNKNOWN_PROVISIONING_ERROR_TYPE_NAME : expect.not.stringMatching(/^Unknown/)]);
    }
  });

  it('accepts both spellings of the 10DLC limit code and reports the seed spelling', () => {
    for (const spelling of ['EXCEEDED_10DLC_LIMIT', '10DLC_LIMIT_EXCEEDED']) {
      expect(describeProvisioningError(spelling)).toMatchObject({ typeName: 'TenDlcLimitExceededError', code: '10DLC_LIMIT_EXCEEDED', upstreamCode: spelling });
    }
  });

  it('has exactly one member of the ProvisioningError union per catalogue entry, plus UnknownProvisioningError', () => {
    // Checked by name, not instanceof: under vitest, graphql-tools and this file may load two copies of graphql.
    const union = createSchema().getType('ProvisioningError');
    expect(union?.constructor.name).toBe('GraphQLUnionType');
    const members = (union as GraphQLUnionType).getTypes().map((type) => type.name).sort();
    expect(members).toEqual([...PROVISIONING_ERROR_CATALOG.map((entry) => entry.typeName), UNKNOWN_PROVISIONING_ERROR_TYPE_NAME].sort());
  });

  it('says in the SDL which members are not described by seed 000', () => {
    const schema = createSchema();
    for (const entry of PROVISIONING_ERROR_CATALOG) {
      const description = schema.getType(entry.typeName)?.description ?? '';
      expect([entry.typeName, description.includes("not in Sinch's 10DLC Error Handling page")]).toEqual([entry.typeName, entry.source === 'gateway']);
    }
  });

  it('documents the resubmittable rule of every code in docs/schema-numbers.md', () => {
    const docs = readFileSync(new URL('../../../docs/schema-numbers.md', import.meta.url), 'utf8');
    for (const entry of PROVISIONING_ERROR_CATALOG) {
      const row = docs.split('\n').find((line) => line.startsWith(`| \`${entry.code}\` |`));
      expect([entry.code, row?.includes(`| ${entry.resubmittable ? 'yes' : 'no'} |`)]).toEqual([entry.code, true]);
    }
  });
});

describe('Provisioning error catalogue: unknown values never crash', () => {
  it('keeps an unknown error code as an UnknownProvisioningError that is not resubmittable', () => {
    expect(describeProvisioningError('CARRIER_TIMEOUT_2027')).toMatchObject({
      typeName: 'UnknownProvisioningError',
      code: 'CARRIER_TIMEOUT_2027',
      upstreamCode: 'CARRIER_TIMEOUT_2027',
      resubmittable: false,
      description: expect.stringContaining('CARRIER_TIMEOUT_2027'),
    });
  });

  it('reads PROVISIONING_STATUS_UNSPECIFIED, a missing status and a future status as UNSPECIFIED', () => {
    expect(['WAITING', 'IN_PROGRESS', 'FAILED', 'PROVISIONING_STATUS_UNSPECIFIED', undefined, '', 'AWAITING_CARRIER_2027'].map(toProvisioningState)).toEqual([
      'WAITING', 'IN_PROGRESS', 'FAILED', 'UNSPECIFIED', 'UNSPECIFIED', 'UNSPECIFIED', 'UNSPECIFIED',
    ]);
  });

  it('calls a request resubmittable only when it FAILED and every code can be cleared by resubmitting', () => {
    expect(isResubmittable({ status: 'FAILED', errorCodes: ['PARTNER_SERVICE_UNAVAILABLE'] })).toBe(true);
    expect(isResubmittable({ status: 'FAILED', errorCodes: ['PARTNER_SERVICE_UNAVAILABLE', 'NUMBER_PROVISIONING_FAILED'] })).toBe(false);
    expect(isResubmittable({ status: 'FAILED', errorCodes: ['CARRIER_TIMEOUT_2027'] })).toBe(false);
    expect(isResubmittable({ status: 'FAILED', errorCodes: [] })).toBe(true);
    expect(isResubmittable({ status: 'WAITING', errorCodes: [] })).toBe(false);
    expect(isResubmittable(null)).toBe(false);
  });
});
