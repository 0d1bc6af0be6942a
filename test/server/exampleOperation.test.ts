import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATION } from '../../src/server/exampleOperation.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

interface ExampleData {
  numbers: {
    nodes: Array<{
      phoneNumber: string;
      sms: { scheduledProvisioning: { status: string; errors: Array<{ __typename: string; code: string; description: string; suggestedAction: string }> } | null } | null;
    }>;
  };
}

describe('Sandbox: the example operation it opens with', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('shows, on its first page, numbers in every provisioning state with typed ProvisioningError members', async () => {
    const response = await gateway.query<ExampleData>(EXAMPLE_OPERATION);
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data?.numbers.nodes ?? [];
    expect(nodes).toHaveLength(20);

    const states = new Set(nodes.map((node) => node.sms?.scheduledProvisioning?.status ?? 'NONE'));
    expect([...states].sort()).toEqual(['FAILED', 'IN_PROGRESS', 'NONE', 'WAITING']);

    const errors = nodes.flatMap((node) => node.sms?.scheduledProvisioning?.errors ?? []);
    expect(new Set(errors.map((error) => error.__typename)).size).toBeGreaterThanOrEqual(5);
    expect(errors).toContainEqual(
      expect.objectContaining({
        __typename: 'PartnerServiceUnavailableError',
        description: 'We are unable to complete the campaign registration at this time.',
        suggestedAction: 'This error indicates that Sinch will not continue to retry campaign submission. Please resubmit your campaign.',
      }),
    );
  });
});
