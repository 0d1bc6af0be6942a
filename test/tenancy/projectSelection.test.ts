import { describe, expect, it } from 'vitest';
import { SECOND_SIMULATOR_PROJECT, SIMULATOR_PROJECT } from '../../src/simulator/simulatorCredentials.js';
import { MAIN_PROJECT_ENTRY, newApiKey, SECOND_PROJECT_ENTRY } from '../support/startTenantGateway.js';
import { startTestGateway } from '../support/startTestGateway.js';
import { useTenantGateway } from './useTenantGateway.js';

const SECOND_PROJECT_NUMBERS = ['+13125550101', '+13125550102', '+13125550103'];
const NUMBERS = 'query ($projectId: ID) { numbers(first: 100, projectId: $projectId) { nodes { phoneNumber } } }';

type NumbersData = { numbers: { nodes: Array<{ phoneNumber: string }> } };

describe('Project selection: the projectId argument', () => {
  const acme = newApiKey();
  const setup = useTenantGateway({
    auth: 'apiKey',
    tenantsFile: { tenants: [{ id: 'acme', apiKeys: [{ id: 'acme-1', sha256: acme.sha256 }], projects: [MAIN_PROJECT_ENTRY, SECOND_PROJECT_ENTRY] }] },
  });

  const asAcme = <TData>(document: string, variables?: Record<string, unknown>) => setup.gateway.query<TData>(document, variables, { 'x-api-key': acme.key });
  const phoneNumbers = (data: NumbersData | null | undefined) => data?.numbers.nodes.map((node) => node.phoneNumber);

  it('acts on the caller\'s default project when no projectId is given', async () => {
    const response = await asAcme<NumbersData>(NUMBERS);
    expect(response.body.errors).toBeUndefined();
    expect(phoneNumbers(response.body.data)?.length).toBeGreaterThan(50);
    expect(await setup.gateway.simulatorRequests('NUMBERS')).toEqual([expect.objectContaining({ path: `/v1/projects/${SIMULATOR_PROJECT.projectId}/activeNumbers` })]);
  });

  it('acts on another of the caller\'s projects named as a literal or a variable', async () => {
    const byVariable = await asAcme<NumbersData>(NUMBERS, { projectId: SECOND_SIMULATOR_PROJECT.projectId });
    expect(phoneNumbers(byVariable.body.data)).toEqual(SECOND_PROJECT_NUMBERS);
    const byLiteral = await asAcme<NumbersData>(`{ numbers(first: 100, projectId: "${SECOND_SIMULATOR_PROJECT.projectId}") { nodes { phoneNumber } } }`);
    expect(phoneNumbers(byLiteral.body.data)).toEqual(SECOND_PROJECT_NUMBERS);
  });

  it('binds every field of the operation, nested ones included, to the selected project', async () => {
    const response = await asAcme<{ number: { phoneNumber: string } | null; sipTrunks: { totalCount: number } }>(
      `query ($p: ID) { number(phoneNumber: "+13125550102", projectId: $p) { phoneNumber } sipTrunks(projectId: $p) { totalCount } }`,
      { p: SECOND_SIMULATOR_PROJECT.projectId },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ number: { phoneNumber: '+13125550102' }, sipTrunks: { totalCount: 0 } });
    const paths = (await setup.gateway.simulatorRequests()).filter((entry) => entry.service !== 'AUTH').map((entry) => entry.path);
    expect(paths.every((path) => path.startsWith(`/v1/projects/${SECOND_SIMULATOR_PROJECT.projectId}/`))).toBe(true);
  });

  it('refuses a project outside the caller\'s set with FORBIDDEN (HTTP 403), reaching no upstream', async () => {
    const response = await asAcme<NumbersData>(NUMBERS, { projectId: '0b8e2d6c-5a4f-4e3d-9c2b-1a0f9e8d7c6b' });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'The requested project is not one of the projects this caller may act on.',
          extensions: { code: 'FORBIDDEN', argumentName: 'projectId', requestId: expect.any(String) },
        },
      ],
    });
    expect(await setup.gateway.simulatorRequests()).toEqual([]);
  });

  it('refuses root fields on different projects with BAD_USER_INPUT, reaching no upstream', async () => {
    const response = await asAcme(
      `query ($p: ID) { a: numbers(first: 1) { nodes { phoneNumber } } b: numbers(first: 1, projectId: $p) { nodes { phoneNumber } } }`,
      { p: SECOND_SIMULATOR_PROJECT.projectId },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'projectId' });
    expect(response.body.errors?.[0]?.message).toMatch(/^One project per operation/);
    expect(await setup.gateway.simulatorRequests()).toEqual([]);
  });

  it('counts an omitted projectId as the default project, and sees through fragments and @skip', async () => {
    const same = await asAcme(`{ a: numbers(first: 1) { totalCount } b: numbers(first: 1, projectId: "${SIMULATOR_PROJECT.projectId}") { totalCount } }`);
    expect(same.body.errors).toBeUndefined();
    const throughFragment = await asAcme(
      `query { ...Other } fragment Other on Query { numbers(first: 1, projectId: "0b8e2d6c-5a4f-4e3d-9c2b-1a0f9e8d7c6b") { totalCount } }`,
    );
    expect(throughFragment.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const skipped = await asAcme(`{ numbers(first: 1) { totalCount } other: numbers(first: 1, projectId: "0b8e2d6c") @skip(if: true) { totalCount } }`);
    expect(skipped.body.errors).toBeUndefined();
  });

  it('applies to mutations too, before any upstream call', async () => {
    const response = await asAcme(`mutation { releaseNumber(phoneNumber: "+12015550100", projectId: "0b8e2d6c") { phoneNumber } }`);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await setup.gateway.simulatorRequests()).toEqual([]);
  });
});

describe('Project selection: GATEWAY_AUTH=none', () => {
  it('has one implicit project, SINCH_PROJECT_ID, and refuses any other with FORBIDDEN', async () => {
    const gateway = await startTestGateway();
    try {
      const own = await gateway.query<NumbersData>(NUMBERS, { projectId: SIMULATOR_PROJECT.projectId });
      expect(own.body.errors).toBeUndefined();
      const other = await gateway.query(NUMBERS, { projectId: SECOND_SIMULATOR_PROJECT.projectId });
      expect(other.status).toBe(403);
      expect(other.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    } finally {
      await gateway.close();
    }
  });
});
