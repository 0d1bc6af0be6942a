import { describe, expect, it } from 'vitest';
import { signCallbackBody } from '../../../src/simulator/numbers/callbacks/signCallbackBody.js';
import { SEED_HMAC_SECRET } from '../../../src/simulator/numbers/NumbersState.js';
import { SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { createOpenApiValidator } from '../../support/openApiValidator.js';
import type { TestResponse } from '../numbersTestClient.js';
import { NUMBERS_SPEC_DEVIATIONS, NUMBERS_SPEC_PATH } from '../numbersSpecDeviations.js';
import { useNumbersSimulator } from './useNumbersSimulator.js';

const PROJECT = '/v1/projects/{projectId}';
/** AU mobile numbers need KYC (catalog `supportingDocumentationRequired`), CA local ones do not. */
const AU_NUMBER = '+61491570100';
const REGISTRATION = { requestDetails: { endBusinessName: 'Example Pty', city: 'Victoria', postalCode: '3000', country: 'AU' } };

describe('Numbers simulator: number orders', () => {
  const sim = useNumbersSimulator();
  const validator = createOpenApiValidator(NUMBERS_SPEC_PATH, NUMBERS_SPEC_DEVIATIONS);

  function expectConforms(method: string, path: string, response: TestResponse, status = 200): void {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(validator.validateResponse(method, `${PROJECT}${path}`, status, response.body).errors).toEqual([]);
  }

  const createAuOrder = async (extra: Record<string, unknown> = {}) => {
    const response = await sim.numbers.post('/numberOrders:createNumberOrder', {
      regionCode: 'AU',
      numberType: 'MOBILE',
      smsConfiguration: { servicePlanId: 'plan-au' },
      callbackUrl: sim.receiver.url,
      numberOrderOption: { phoneNumbers: [AU_NUMBER] },
      ...extra,
    });
    expectConforms('POST', '/numberOrders:createNumberOrder', response);
    return response.body.idNumberOrder as string;
  };

  const orderCallbacks = async () => {
    await sim.callbacks.flush();
    return sim.receiver.received.filter((callback) => callback.body.resourceType === 'NUMBER_ORDER').map((callback) => callback.body.status);
  };

  it('looks up KYC requirements per region and type', async () => {
    const au = await sim.numbers.post('/numberOrders:lookupNumberRequirements', { regionCode: 'AU', numberType: 'MOBILE' });
    expectConforms('POST', '/numberOrders:lookupNumberRequirements', au);
    expect(au.body.attachments).toEqual([expect.objectContaining({ id: 'au-mobile-proof-of-address', mandatory: false })]);
    const canada = await sim.numbers.post('/numberOrders:lookupNumberRequirements', { regionCode: 'CA', numberType: 'LOCAL' });
    expect(canada.body).toEqual({ fields: {}, attachments: [] });
    expect((await sim.numbers.post('/numberOrders:lookupNumberRequirements', { regionCode: 'ZZ', numberType: 'LOCAL' })).status).toBe(400);
    expect((await sim.numbers.post('/numberOrders:lookupNumberRequirements', { regionCode: 'AU', numberType: 'FIXED' })).status).toBe(400);
  });

  it('creates an order for one specific number, in the shape of the spec example, and reserves it', async () => {
    const id = await createAuOrder();
    const order = await sim.numbers.get(`/numberOrders/${id}`);
    expectConforms('GET', '/numberOrders/{numberOrderId}', order);
    expect(order.body).toEqual({
      projectId: SIMULATOR_PROJECT_ID,
      idNumberOrder: id,
      regionCode: 'AU',
      state: 'CREATED',
      numberType: 'MOBILE',
      orderNumbers: [
        {
          phoneNumber: AU_NUMBER,
          numberPrice: { setupPrice: { currencyCode: 'USD', amount: '0.00' }, monthlyPrice: { currencyCode: 'USD', amount: '3.00' }, paymentIntervalMonths: 1 },
          capabilities: ['SMS', 'VOICE'],
        },
      ],
      smsConfiguration: { servicePlanId: 'plan-au', campaignId: '' },
      expireTime: expect.any(String),
      createTime: expect.any(String),
      updateTime: expect.any(String),
    });
    expect(Date.parse(order.body.expireTime) - Date.parse(order.body.createTime)).toBe(48 * 3600 * 1000);
    expect((await sim.numbers.get(`/availableNumbers/${AU_NUMBER}`)).status).toBe(404);
    const again = await sim.numbers.post('/numberOrders:createNumberOrder', { regionCode: 'AU', numberType: 'MOBILE', numberOrderOption: { phoneNumbers: [AU_NUMBER] } });
    expect(again.status).toBe(404);
  });

  it('creates a quantity order from the matching available numbers', async () => {
    const response = await sim.numbers.post('/numberOrders:createNumberOrder', {
      regionCode: 'CA',
      numberType: 'LOCAL',
      voiceConfiguration: { type: 'EST', trunkId: 'trunk-ca' },
      quantityOrderOption: { requestedQuantity: 3, numberPattern: { pattern: '1613', searchPattern: 'START' }, sequential: true, capabilities: ['VOICE'] },
    });
    expectConforms('POST', '/numberOrders:createNumberOrder', response);
    expect(response.body.orderNumbers.map((number: { phoneNumber: string }) => number.phoneNumber)).toEqual(['+16135550200', '+16135550201', '+16135550202']);
    expect(response.body.voiceConfiguration).toEqual({ type: 'EST', trunkId: 'trunk-ca' });
  });

  it.each([
    ['both options', { numberOrderOption: { phoneNumbers: [AU_NUMBER] }, quantityOrderOption: { requestedQuantity: 1 } }],
    ['no option', {}],
    ['two phone numbers', { numberOrderOption: { phoneNumbers: [AU_NUMBER, '+61491570101'] } }],
    ['a quantity of 0', { quantityOrderOption: { requestedQuantity: 0 } }],
    ['a quantity of 101', { quantityOrderOption: { requestedQuantity: 101 } }],
    ['more numbers than match', { quantityOrderOption: { requestedQuantity: 50 } }],
    ['an unknown field', { quantityOrderOption: { requestedQuantity: 1 }, rush: true }],
    ['a number of another type', { numberType: 'LOCAL', numberOrderOption: { phoneNumbers: [AU_NUMBER] } }],
  ])('refuses %s with 400 INVALID_ARGUMENT', async (_case, body) => {
    const response = await sim.numbers.post('/numberOrders:createNumberOrder', { regionCode: 'AU', numberType: 'MOBILE', ...body });
    expectConforms('POST', '/numberOrders:createNumberOrder', response, 400);
  });

  it('answers 404 NumberOrder for an unknown order, and 501 for attachment uploads', async () => {
    const missing = await sim.numbers.get('/numberOrders/01unknownorder');
    expectConforms('GET', '/numberOrders/{numberOrderId}', missing, 404);
    expect(missing.body.error.details[0]).toMatchObject({ resourceType: 'NumberOrder', resourceName: '01unknownorder' });
    const id = await createAuOrder();
    const upload = await sim.numbers.send('POST', `/numberOrders/${id}/attachments/au-mobile-proof-of-address`, '--x--', { 'content-type': 'multipart/form-data; boundary=x' });
    expect(upload.status).toBe(501);
    expect(upload.body.error.status).toBe('UNIMPLEMENTED');
  });

  it('walks CREATED → registration → IN_REVIEW → COMPLETED, activating the number and provisioning it', async () => {
    const id = await createAuOrder();
    const early = await sim.numbers.post(`/numberOrders/${id}/submit`);
    expect(early.status).toBe(400);

    const registration = await sim.numbers.send('PUT', `/numberOrders/${id}/registration`, REGISTRATION);
    expectConforms('PUT', '/numberOrders/{numberOrderId}/registration', registration);
    expect(registration.body).toEqual({ ...REGISTRATION, attachments: [], logs: [] });
    expectConforms('GET', '/numberOrders/{numberOrderId}/registration', await sim.numbers.get(`/numberOrders/${id}/registration`));

    const submitted = await sim.numbers.post(`/numberOrders/${id}/submit`);
    expectConforms('POST', '/numberOrders/{numberOrderId}/submit', submitted);
    expect(submitted.body.state).toBe('IN_REVIEW');
    expect((await sim.numbers.send('PUT', `/numberOrders/${id}/registration`, REGISTRATION)).status).toBe(400);

    expect(await sim.callbacks.advanceOrders(id)).toEqual([{ numberOrderId: id, state: 'COMPLETED' }]);
    expect((await sim.numbers.get(`/numberOrders/${id}`)).body).toMatchObject({ state: 'COMPLETED', expireTime: null });
    const active = await sim.numbers.get(`/activeNumbers/${AU_NUMBER}`);
    expect(active.body).toMatchObject({
      regionCode: 'AU',
      type: 'MOBILE',
      callbackUrl: sim.receiver.url,
      smsConfiguration: { servicePlanId: '', scheduledProvisioning: { servicePlanId: 'plan-au', status: 'WAITING' } },
    });
    expect(await orderCallbacks()).toEqual(['IN_REVIEW', 'COMPLETED']);

    await sim.admin.advance(AU_NUMBER);
    await sim.admin.advance(AU_NUMBER);
    await sim.callbacks.flush();
    expect(sim.receiver.received.at(-1)?.body).toMatchObject({ resourceType: 'ACTIVE_NUMBER', resourceId: AU_NUMBER, eventType: 'PROVISIONING_TO_SMS_PLATFORM' });
  });

  it('sends signed NUMBER_ORDER callbacks in the documented shape', async () => {
    const id = await createAuOrder();
    await sim.numbers.send('PUT', `/numberOrders/${id}/registration`, REGISTRATION);
    await sim.numbers.post(`/numberOrders/${id}/submit`);
    await sim.callbacks.flush();
    const [callback] = sim.receiver.received;
    expect(callback?.headers['x-sinch-signature']).toBe(signCallbackBody(callback?.rawBody ?? '', SEED_HMAC_SECRET));
    expect(callback?.body).toEqual({
      eventId: expect.stringMatching(/^[0-9a-z]{26}$/),
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/),
      projectId: SIMULATOR_PROJECT_ID,
      resourceId: id,
      resourceType: 'NUMBER_ORDER',
      eventType: 'NUMBER_ORDER_PROCESSING',
      status: 'IN_REVIEW',
    });
  });

  it('rejects an order whose registration says simulatorOutcome REJECTED, and frees its number', async () => {
    const id = await createAuOrder();
    await sim.numbers.send('PUT', `/numberOrders/${id}/registration`, { requestDetails: { ...REGISTRATION.requestDetails, simulatorOutcome: 'REJECTED' } });
    await sim.numbers.post(`/numberOrders/${id}/submit`);
    expect(await sim.callbacks.advanceOrders()).toEqual([{ numberOrderId: id, state: 'REJECTED' }]);
    expect(await orderCallbacks()).toEqual(['IN_REVIEW', 'REJECTED']);
    expect((await sim.numbers.get(`/activeNumbers/${AU_NUMBER}`)).status).toBe(404);
    expect((await sim.numbers.get(`/availableNumbers/${AU_NUMBER}`)).status).toBe(200);
  });

  it('blocks an order with a log message; updating the registration and resubmitting completes it', async () => {
    const id = await createAuOrder();
    await sim.numbers.send('PUT', `/numberOrders/${id}/registration`, { requestDetails: { simulatorOutcome: 'BLOCKED' } });
    await sim.numbers.post(`/numberOrders/${id}/submit`);
    await sim.callbacks.advanceOrders(id);
    const blocked = await sim.numbers.get(`/numberOrders/${id}/registration`);
    expectConforms('GET', '/numberOrders/{numberOrderId}/registration', blocked);
    expect(blocked.body.logs).toEqual([{ message: expect.stringContaining('Dear Customer'), createTime: expect.any(String) }]);

    await sim.numbers.send('PUT', `/numberOrders/${id}/registration`, REGISTRATION);
    expect((await sim.numbers.post(`/numberOrders/${id}/submit`)).body.state).toBe('IN_REVIEW');
    await sim.callbacks.advanceOrders(id);
    expect(await orderCallbacks()).toEqual(['IN_REVIEW', 'BLOCKED', 'IN_REVIEW', 'COMPLETED']);
  });

  it('expires an open order through the admin API', async () => {
    const id = await createAuOrder();
    await sim.callbacks.expireOrder(id);
    expect((await sim.numbers.get(`/numberOrders/${id}`)).body.state).toBe('EXPIRED');
    expect(await orderCallbacks()).toEqual(['EXPIRED']);
    await expect(sim.callbacks.expireOrder(id)).rejects.toThrow(/409/);
    expect((await sim.numbers.post(`/numberOrders/${id}/submit`)).status).toBe(400);
  });

  it('ends a review by itself with the provisioning timing', async () => {
    await sim.admin.configure({ provisioning: { waitingMs: 20, inProgressMs: 30 } });
    const response = await sim.numbers.post('/numberOrders:createNumberOrder', {
      regionCode: 'CA',
      numberType: 'LOCAL',
      callbackUrl: sim.receiver.url,
      numberOrderOption: { phoneNumbers: ['+16135550205'] },
    });
    await sim.numbers.post(`/numberOrders/${response.body.idNumberOrder}/submit`);
    await expect.poll(async () => (await sim.numbers.get(`/numberOrders/${response.body.idNumberOrder}`)).body.state, { timeout: 2_000 }).toBe('COMPLETED');
    expect((await sim.numbers.get('/activeNumbers/+16135550205')).status).toBe(200);
    await sim.admin.configure({ provisioning: 'manual' });
  });
});
