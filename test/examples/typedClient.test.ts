import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayClient } from '../../examples/typed-client/src/createGatewayClient.js';
import { FailedProvisioningQuery, NumberQuery, RenameNumberMutation } from '../../examples/typed-client/src/operations.js';
import { createSchema } from '../../src/graphql/createSchema.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

const MANIFEST = fileURLToPath(new URL('../../examples/typed-client/src/gql/persisted-documents.json', import.meta.url));
const PHONE = '+12015550144';

describe('schema.graphql: the printed public schema', () => {
  it('is the schema the gateway serves', () => {
    const printed = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    expect(printSchema(lexicographicSortSchema(printed))).toBe(printSchema(lexicographicSortSchema(createSchema())));
  });
});

describe('examples/typed-client: its operations run against a gateway that runs only trusted documents', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true', GRAPHQL_TRUSTED_DOCUMENTS: MANIFEST } });
  });
  afterAll(() => gateway?.close());

  it('runs only by id, in production mode', async () => {
    expect(gateway.config.graphql.trustedDocuments).toMatchObject({ only: true, entries: expect.arrayContaining([expect.objectContaining({ id: expect.any(String) })]) });
    expect((await gateway.query('{ __typename }')).body.errors?.[0]?.extensions?.['code']).toBe('QUERY_NOT_IN_SAFELIST');
  });

  it('runs every operation of the example, typed', async () => {
    const execute = createGatewayClient(`${gateway.url}/graphql`);
    const failed = await execute(FailedProvisioningQuery, { first: 20 });
    expect(failed.errors).toBeUndefined();
    const statuses = (failed.data?.numbers.nodes ?? []).map((node) => node.sms?.scheduledProvisioning?.status);
    expect(statuses).toContain('FAILED');

    const renamed = await execute(RenameNumberMutation, { phoneNumber: PHONE, displayName: 'From the typed client' });
    expect(renamed).toEqual({ data: { updateNumber: { phoneNumber: PHONE, displayName: 'From the typed client' } } });
    const read = await execute(NumberQuery, { phoneNumber: PHONE });
    expect(read.data?.number?.displayName).toBe('From the typed client');
    expect((await execute(NumberQuery, { phoneNumber: '+12015550999' })).data).toEqual({ number: null });
  });
});
