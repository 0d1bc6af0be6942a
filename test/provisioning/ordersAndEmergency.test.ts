import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { startProvisioningGateway } from '../subscriptions/support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from '../subscriptions/support/startProvisioningGateway.js';

const ORDER_FIELDS = 'id state rawState regionCode numberType numbers { phoneNumber capabilities setupPrice { amount } } sms { servicePlanId } expireTime';
const CA_AVAILABLE = '+16135550203';

describe('Number orders and emergency addresses, against the simulator', () => {
  let gateway: ProvisioningTestGateway;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary result JSON
  const ok = async (document: string, variables?: Record<string, unknown>): Promise<any> => {
    const response = await gateway.query(document, variables);
    expect(response.body.errors).toBeUndefined();
    return response.body.data;
  };

  beforeAll(async () => {
    gateway = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'off' } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  it('looks up requirements', async () => {
    const data = await ok('{ numberRequirements(regionCode: "US", type: LOCAL) { fields attachments { id mandatory allowedMimeTypes } } }');
    expect(data.numberRequirements.attachments).toEqual([{ id: 'us-local-proof-of-address', mandatory: false, allowedMimeTypes: ['application/pdf'] }]);
    expect(data.numberRequirements.fields).toMatchObject({ schema: expect.any(String) });
  });

  it('orders a number, fills in the registration, submits it, and streams the review outcome to numberOrderChanged', async () => {
    const created = await ok(`mutation ($input: CreateNumberOrderInput!) { createNumberOrder(input: $input) { ${ORDER_FIELDS} } }`, {
      input: { regionCode: 'CA', type: 'LOCAL', phoneNumber: CA_AVAILABLE, sms: { servicePlanId: 'plan-1' }, callbackUrl: gateway.webhookUrl },
    });
    const order = created.createNumberOrder;
    expect(order).toMatchObject({ state: 'CREATED', rawState: 'CREATED', regionCode: 'CA', numberType: 'LOCAL', numbers: [{ phoneNumber: CA_AVAILABLE }], sms: { servicePlanId: 'plan-1' } });

    const registration = await ok('mutation ($id: ID!) { updateNumberOrderRegistration(id: $id, requestDetails: { endBusinessName: "Acme" }) { requestDetails logs { message } } }', { id: order.id });
    expect(registration.updateNumberOrderRegistration).toEqual({ requestDetails: { endBusinessName: 'Acme' }, logs: [] });

    const received = gateway.subscribe(gateway.wsClient(), `subscription ($id: ID!) { numberOrderChanged(id: $id) { source eventType status numberOrder { state } } }`, { id: order.id });
    await received.waitFor((events) => events.length === 1);
    expect(received.events[0]).toEqual({ source: 'CURRENT_STATE', eventType: 'NUMBER_ORDER_PROCESSING', status: 'CREATED', numberOrder: { state: 'CREATED' } });

    const submitted = await ok('mutation ($id: ID!) { submitNumberOrder(id: $id) { state registration { requestDetails } } }', { id: order.id });
    expect(submitted.submitNumberOrder).toEqual({ state: 'IN_REVIEW', registration: { requestDetails: { endBusinessName: 'Acme' } } });

    await gateway.callbacks.advanceOrders(order.id);
    await gateway.callbacks.flush();
    await received.waitFor((events) => events.some((event) => event.status === 'COMPLETED'));
    // Sinch calls back on submission (IN_REVIEW) and on the decision; each event carries the order re-read.
    expect(received.events.slice(1).map((event) => [event.source, event.status])).toEqual([
      ['CALLBACK', 'IN_REVIEW'],
      ['CALLBACK', 'COMPLETED'],
    ]);
    expect(received.events.at(-1)).toMatchObject({ eventType: 'NUMBER_ORDER_PROCESSING', numberOrder: { state: 'COMPLETED' } });
    expect((await ok('query ($id: ID!) { numberOrder(id: $id) { state expireTime } }', { id: order.id })).numberOrder).toEqual({ state: 'COMPLETED', expireTime: null });
  });

  it('answers null for an unknown order, and BAD_USER_INPUT for an order that names both options', async () => {
    expect((await ok('{ numberOrder(id: "no-such-order") { id } }')).numberOrder).toBeNull();
    await gateway.admin.clearRequests();
    const both = await gateway.query('mutation { createNumberOrder(input: { regionCode: "CA", type: LOCAL, phoneNumber: "+16135550203", quantity: { requestedQuantity: 1 } }) { id } }');
    expect(both.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input' });
    expect(await gateway.admin.requests('NUMBERS')).toEqual([]);
  });

  it('orders a quantity', async () => {
    const created = await ok('mutation { createNumberOrder(input: { regionCode: "US", type: LOCAL, quantity: { requestedQuantity: 2, capabilities: [SMS] } }) { numbers { phoneNumber } } }');
    expect(created.createNumberOrder.numbers).toHaveLength(2);
  });

  describe('emergency addresses', () => {
    const PHONE = SEEDED_PHONE_NUMBERS.provisioned[0];
    const address = { streetNumber: '12345', streetInfo: 'Main Street', city: 'Springfield', state: 'IL', postalCode: '62701' };
    const ADDRESS_FIELDS = 'streetNumber streetInfo location city state postalCode postalCodePlusFour';

    it('validates with match results: near match with a correction, no match with candidates', async () => {
      const near = await ok(`mutation ($input: EmergencyAddressInput!) { validateEmergencyAddress(input: $input) { result rawResult message correctedAddress { streetInfo } candidateAddresses { streetNumber } } }`, {
        input: { phoneNumber: PHONE, displayName: 'HQ', address },
      });
      expect(near.validateEmergencyAddress).toMatchObject({ result: 'NEAR_MATCH', rawResult: 'NEAR_MATCH', correctedAddress: { streetInfo: 'Main St' }, candidateAddresses: [] });

      const none = await ok(`mutation ($input: EmergencyAddressInput!) { validateEmergencyAddress(input: $input) { result correctedAddress { streetInfo } candidateAddresses { streetNumber } } }`, {
        input: { phoneNumber: PHONE, displayName: 'HQ', address: { ...address, streetNumber: '1' } },
      });
      expect(none.validateEmergencyAddress).toEqual({ result: 'NO_MATCH', correctedAddress: null, candidateAddresses: [{ streetNumber: '12345' }] });
    });

    it('provisions (corrected), reads, deprovisions', async () => {
      expect((await ok(`query { emergencyAddress(phoneNumber: "${PHONE}") { city } }`)).emergencyAddress).toBeNull();
      const provisioned = await ok(`mutation ($input: EmergencyAddressInput!) { provisionEmergencyAddress(input: $input) { ${ADDRESS_FIELDS} } }`, {
        input: { phoneNumber: PHONE, displayName: 'HQ', address },
      });
      expect(provisioned.provisionEmergencyAddress).toMatchObject({ streetNumber: '12345', streetInfo: 'Main St', city: 'Springfield', postalCode: '62701' });
      expect((await ok(`query { emergencyAddress(phoneNumber: "${PHONE}") { streetInfo } }`)).emergencyAddress).toEqual({ streetInfo: 'Main St' });
      expect((await ok(`mutation { deprovisionEmergencyAddress(phoneNumber: "${PHONE}") }`)).deprovisionEmergencyAddress).toBe(true);
      expect((await ok(`query { emergencyAddress(phoneNumber: "${PHONE}") { streetInfo } }`)).emergencyAddress).toBeNull();
      const again = await gateway.query(`mutation { deprovisionEmergencyAddress(phoneNumber: "${PHONE}") }`);
      expect(again.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    });

    it('refuses to provision an address that does not validate', async () => {
      const refused = await gateway.query(`mutation ($input: EmergencyAddressInput!) { provisionEmergencyAddress(input: $input) { city } }`, {
        input: { phoneNumber: PHONE, displayName: 'HQ', address: { ...address, postalCode: '00000' } },
      });
      expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });
  });
});
