import type { NumberOrderRecord } from './NumberOrderRecord.js';

/** Renders a number order like the spec example `australianNumberOrder`; copies everything. */
export function toNumberOrderWire(order: NumberOrderRecord): Record<string, unknown> {
  const voice = order.voiceConfiguration;
  const voiceIdentifier = voice === null ? undefined : ({ RTC: 'appId', EST: 'trunkId', FAX: 'serviceId' } as const)[voice.type];
  return {
    projectId: order.projectId,
    idNumberOrder: order.idNumberOrder,
    regionCode: order.regionCode,
    state: order.state,
    numberType: order.numberType,
    orderNumbers: order.orderNumbers.map((number) => ({
      phoneNumber: number.phoneNumber,
      numberPrice: {
        setupPrice: { ...number.numberPrice.setupPrice },
        monthlyPrice: { ...number.numberPrice.monthlyPrice },
        paymentIntervalMonths: number.numberPrice.paymentIntervalMonths,
      },
      capabilities: [...number.capabilities],
    })),
    ...(order.smsConfiguration === null ? {} : { smsConfiguration: { ...order.smsConfiguration } }),
    ...(voice === null || voiceIdentifier === undefined ? {} : { voiceConfiguration: { type: voice.type, [voiceIdentifier]: voice[voiceIdentifier] } }),
    expireTime: order.expireTime,
    createTime: order.createTime,
    updateTime: order.updateTime,
  };
}

export function toRegistrationWire(order: NumberOrderRecord): Record<string, unknown> {
  return {
    requestDetails: structuredClone(order.registration.requestDetails),
    attachments: [],
    logs: order.registration.logs.map((log) => ({ ...log })),
  };
}
