import type { Money } from '../ActiveNumberRecord.js';
import type { NumberCapability, NumberType } from '../numbersEnums.js';
import type { VoiceTarget } from '../ProvisioningEngine.js';

/** NumberOrderState without UNSPECIFIED, which the simulator never produces. */
export type NumberOrderState = 'CREATED' | 'IN_REVIEW' | 'BLOCKED' | 'REJECTED' | 'COMPLETED' | 'EXPIRED';

/** States in which the order's numbers stay reserved (out of the available catalog). */
export const OPEN_ORDER_STATES: readonly NumberOrderState[] = ['CREATED', 'IN_REVIEW', 'BLOCKED'];

export interface OrderNumberRecord {
  phoneNumber: string;
  numberPrice: { setupPrice: Money; monthlyPrice: Money; paymentIntervalMonths: number };
  capabilities: NumberCapability[];
}

export interface RegistrationLogRecord {
  message: string;
  createTime: string;
}

/** A number order (OpenAPI `NumberOrder`) plus its registration and the URL its callbacks go to. */
export interface NumberOrderRecord {
  projectId: string;
  idNumberOrder: string;
  regionCode: string;
  state: NumberOrderState;
  numberType: NumberType;
  orderNumbers: OrderNumberRecord[];
  smsConfiguration: { servicePlanId: string; campaignId: string } | null;
  voiceConfiguration: VoiceTarget | null;
  callbackUrl: string;
  expireTime: string | null;
  createTime: string;
  updateTime: string;
  /** Whether the numbers need KYC data (catalog `supportingDocumentationRequired`): submit refuses an empty registration. */
  registrationRequired: boolean;
  registration: { requestDetails: Record<string, unknown>; logs: RegistrationLogRecord[] };
}

export function isNumberReserved(orders: Iterable<NumberOrderRecord>, phoneNumber: string): boolean {
  for (const order of orders) {
    if (OPEN_ORDER_STATES.includes(order.state) && order.orderNumbers.some((number) => number.phoneNumber === phoneNumber)) return true;
  }
  return false;
}
