import { SEEDED_TRUNK_IDS } from '../simulatorCredentials.js';
import type { ActiveNumberRecord } from './ActiveNumberRecord.js';
import { createActiveNumberRecord, type ActiveNumberFields } from './createActiveNumberRecord.js';
import { SMS_ERROR_CODES } from './numbersEnums.js';

/**
 * Seeded timestamps are fixed rather than read from the clock, so that `POST /__admin/reset`
 * always restores byte-identical data. Jobs started through the API use the real clock.
 */
const SEEDED_AT = '2026-11-02T09:00:00Z';
const NEXT_CHARGE_DATE = '2026-12-02T09:00:00Z';

/** Ordinary-looking ids: resubmitting a seeded FAILED number with them succeeds. */
export const SEED_SERVICE_PLAN_IDS = ['6b1e4c2a9d8f4e7b8a3c5d2e1f0a9b8c', 'a3d5f7b9c1e24f6a8b0c2d4e6f8a0b1c'] as const;
export const SEED_CAMPAIGN_IDS = ['CQH4Z7K', 'CXR8M2P'] as const;
export const SEED_RTC_APP_IDS = ['3e6f9a2b-7c1d-4e8f-a5b6-0c9d8e7f6a5b', 'f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b'] as const;
export const SEED_FAX_SERVICE_ID = '01JBQ5FAXS3RV1CE7K2M9N4P6Q';
/** An error code and a status from the future: the gateway must pass them through, not crash. */
export const UNKNOWN_ERROR_CODE = 'CARRIER_TIMEOUT_2027';
export const UNKNOWN_PROVISIONING_STATUS = 'AWAITING_CARRIER_2027';

/** US numbers in the 555-01XX range, which is reserved for fiction. */
function us(suffix: number): string {
  return `+1201555${String(suffix).padStart(4, '0')}`;
}

/** A list of exactly N strings, so that `list[3]` is a string and not `string | undefined`. */
type StringTuple<N extends number, Items extends string[] = []> = Items['length'] extends N ? Items : StringTuple<N, [...Items, string]>;

function usRange<N extends number>(firstSuffix: number, count: N): StringTuple<N> {
  return Array.from({ length: count }, (_, index) => us(firstSuffix + index)) as StringTuple<N>;
}

/** Named seeded numbers, so tests and docs refer to roles instead of digits. */
export const SEEDED_PHONE_NUMBERS = {
  /**
   * The first numbers in phone-number order, so that the first page of any listing (Sandbox's
   * example `numbers(first: 20)`) already shows pending and failed 10DLC provisioning with typed
   * errors, next to numbers whose provisioning is done.
   */
  showcase: usRange(90, 8),
  provisioned: usRange(100, 10),
  est: usRange(110, 20),
  fax: usRange(130, 3),
  smsWaiting: usRange(133, 3),
  smsInProgress: usRange(136, 3),
  failedByCode: Object.fromEntries(SMS_ERROR_CODES.map((code, index) => [code, us(140 + index)])) as Record<
    (typeof SMS_ERROR_CODES)[number],
    string
  >,
  failedWithTwoCodes: us(157),
  failedWithUnknownCode: us(158),
  statusUnspecified: us(159),
  statusUnknown: us(160),
  voiceRtcToFaxWaiting: us(161),
  voiceRtcToEstInProgress: us(162),
  voiceNewRtcWaiting: us(163),
  tollFree: ['+18335550101', '+18335550102'],
  canada: ['+16135550123', '+16135550124'],
  unitedKingdom: ['+447700900123', '+447700900456', '+447700900789'],
  sweden: ['+46701740605', '+46701740606'],
} as const;

export const TWO_FAILURE_CODES = ['CAMPAIGN_MNO_REJECTED', 'MNO_SHARING_ERROR'] as const;

/** The SMS provisioning of each showcase number, in order: what a 10DLC operator sees on a bad day. */
export const SHOWCASE_PROVISIONING = [
  { status: 'FAILED', errorCodes: ['PARTNER_SERVICE_UNAVAILABLE'] },
  { status: 'FAILED', errorCodes: ['CAMPAIGN_NOT_AVAILABLE'] },
  { status: 'WAITING', errorCodes: [] },
  { status: 'FAILED', errorCodes: ['EXCEEDED_10DLC_LIMIT'] },
  { status: 'IN_PROGRESS', errorCodes: [] },
  { status: 'FAILED', errorCodes: ['NUMBER_PROVISIONING_FAILED'] },
  { status: 'FAILED', errorCodes: ['MNO_SHARING_ERROR'] },
  { status: 'FAILED', errorCodes: ['CAMPAIGN_PENDING_ACCEPTANCE'] },
] as const;

/**
 * 10DLC trouble on the trunks: the SMS provisioning of some EST numbers (by index in
 * `SEEDED_PHONE_NUMBERS.est`), so that "which numbers are on which trunk, and did their
 * provisioning fail, and why?" has answers on every trunk. The other odd-indexed EST numbers
 * are voice only; the even ones are SMS linked.
 */
export const EST_SMS_PROVISIONING: Readonly<Record<number, { status: string; errorCodes: readonly string[] }>> = {
  1: { status: 'FAILED', errorCodes: ['CAMPAIGN_NOT_AVAILABLE'] },
  3: { status: 'WAITING', errorCodes: [] },
  5: { status: 'FAILED', errorCodes: ['EXCEEDED_10DLC_LIMIT'] },
  7: { status: 'IN_PROGRESS', errorCodes: [] },
  9: { status: 'FAILED', errorCodes: ['CAMPAIGN_MNO_REJECTED'] },
  11: { status: 'FAILED', errorCodes: ['CAMPAIGN_PENDING_ACCEPTANCE'] },
  13: { status: 'WAITING', errorCodes: [] },
};

const estNumbersWith = (wanted: (status: string) => boolean): string[] =>
  Object.entries(EST_SMS_PROVISIONING)
    .filter(([, provisioning]) => wanted(provisioning.status))
    .map(([index]) => SEEDED_PHONE_NUMBERS.est[Number(index)] ?? '');

/** The EST numbers whose seeded SMS provisioning FAILED, and those whose is WAITING or IN_PROGRESS. */
export const SEEDED_EST_FAILED_NUMBERS: readonly string[] = estNumbersWith((status) => status === 'FAILED');
export const SEEDED_EST_PENDING_NUMBERS: readonly string[] = estNumbersWith((status) => status !== 'FAILED');

export interface SeedOptions {
  projectId: string;
  /** `callbackUrl` of every seeded number; '' (none) by default. */
  callbackUrl?: string;
  /** Extra EST numbers (+1415 7xxxxxx) spread over the seeded trunks, for benchmarks. */
  extraNumbers?: number;
}

/** Showcase numbers whose provisioning is WAITING or IN_PROGRESS (the others FAILED). */
export const SHOWCASE_PENDING_NUMBERS = SEEDED_PHONE_NUMBERS.showcase.filter((_, index) => SHOWCASE_PROVISIONING[index]?.status !== 'FAILED');

/** Builds the deterministic seed: identical output for identical options. */
export function seedActiveNumbers(options: SeedOptions): ActiveNumberRecord[] {
  const { projectId } = options;
  const base = (fields: Omit<ActiveNumberFields, 'projectId' | 'nextChargeDate'>): ActiveNumberRecord =>
    createActiveNumberRecord({ projectId, nextChargeDate: NEXT_CHARGE_DATE, callbackUrl: options.callbackUrl ?? '', ...fields });
  const linkedSms = (index: number) => ({
    servicePlanId: SEED_SERVICE_PLAN_IDS[index % 2] ?? '',
    campaignId: SEED_CAMPAIGN_IDS[index % 2] ?? '',
  });
  const rtc = (index: number) => ({ type: 'RTC' as const, appId: SEED_RTC_APP_IDS[index % 2] ?? '', lastUpdatedTime: SEEDED_AT });
  const est = (index: number) => ({ type: 'EST' as const, trunkId: trunkFor(index), lastUpdatedTime: SEEDED_AT });
  const failedSms = (errorCodes: string[], status = 'FAILED') => ({
    servicePlanId: '',
    campaignId: '',
    scheduled: { ...linkedSms(0), status, lastUpdatedTime: SEEDED_AT, errorCodes },
  });
  const pendingSms = (status: string) => ({
    servicePlanId: '',
    campaignId: '',
    scheduled: { ...linkedSms(1), status, lastUpdatedTime: SEEDED_AT, errorCodes: [] },
  });
  const estSms = (index: number) => {
    const provisioning = EST_SMS_PROVISIONING[index];
    if (provisioning === undefined) return index % 2 === 0 ? linkedSms(index) : {};
    return provisioning.status === 'FAILED' ? failedSms([...provisioning.errorCodes]) : pendingSms(provisioning.status);
  };
  const phones = SEEDED_PHONE_NUMBERS;

  const records: ActiveNumberRecord[] = [
    ...phones.showcase.map((phoneNumber, index) => {
      const { status, errorCodes } = SHOWCASE_PROVISIONING[index] ?? SHOWCASE_PROVISIONING[0];
      const sms = status === 'FAILED' ? failedSms([...errorCodes]) : pendingSms(status);
      return base({ phoneNumber, displayName: `Campaign line ${index + 1}`, sms, voice: rtc(index) });
    }),
    ...phones.provisioned.map((phoneNumber, index) =>
      base({ phoneNumber, displayName: `Support line ${index + 1}`, sms: linkedSms(index), voice: rtc(index) }),
    ),
    ...phones.est.map((phoneNumber, index) =>
      base({
        phoneNumber,
        displayName: `Trunk ${(index % SEEDED_TRUNK_IDS.length) + 1} DID ${index + 1}`,
        sms: estSms(index),
        voice: est(index),
      }),
    ),
    ...phones.fax.map((phoneNumber, index) =>
      base({ phoneNumber, displayName: `Fax ${index + 1}`, capability: ['VOICE'], voice: { type: 'FAX', serviceId: SEED_FAX_SERVICE_ID, lastUpdatedTime: SEEDED_AT } }),
    ),
    ...phones.smsWaiting.map((phoneNumber) => base({ phoneNumber, sms: pendingSms('WAITING'), voice: rtc(0) })),
    ...phones.smsInProgress.map((phoneNumber) => base({ phoneNumber, sms: pendingSms('IN_PROGRESS'), voice: rtc(1) })),
    ...SMS_ERROR_CODES.map((code) => base({ phoneNumber: phones.failedByCode[code], sms: failedSms([code]) })),
    base({ phoneNumber: phones.failedWithTwoCodes, sms: failedSms([...TWO_FAILURE_CODES]) }),
    base({ phoneNumber: phones.failedWithUnknownCode, sms: failedSms([UNKNOWN_ERROR_CODE]) }),
    base({ phoneNumber: phones.statusUnspecified, sms: failedSms([], 'PROVISIONING_STATUS_UNSPECIFIED') }),
    base({ phoneNumber: phones.statusUnknown, sms: failedSms([], UNKNOWN_PROVISIONING_STATUS) }),
    base({
      phoneNumber: phones.voiceRtcToFaxWaiting,
      voice: { ...rtc(0), scheduled: { type: 'FAX', appId: '', trunkId: '', serviceId: SEED_FAX_SERVICE_ID, status: 'WAITING', lastUpdatedTime: SEEDED_AT } },
    }),
    base({
      phoneNumber: phones.voiceRtcToEstInProgress,
      voice: { ...rtc(1), scheduled: { type: 'EST', appId: '', trunkId: trunkFor(0), serviceId: '', status: 'IN_PROGRESS', lastUpdatedTime: SEEDED_AT } },
    }),
    base({
      phoneNumber: phones.voiceNewRtcWaiting,
      voice: { scheduled: { type: 'RTC', appId: SEED_RTC_APP_IDS[0], trunkId: '', serviceId: '', status: 'WAITING', lastUpdatedTime: SEEDED_AT } },
    }),
    ...phones.tollFree.map((phoneNumber) =>
      base({ phoneNumber, type: 'TOLL_FREE', money: { currencyCode: 'USD', amount: '2.00' }, sms: linkedSms(0), voice: rtc(0) }),
    ),
    ...phones.canada.map((phoneNumber, index) => base({ phoneNumber, regionCode: 'CA', voice: est(index + 2) })),
    ...phones.unitedKingdom.map((phoneNumber) =>
      base({ phoneNumber, regionCode: 'GB', type: 'MOBILE', money: { currencyCode: 'USD', amount: '1.50' }, sms: { servicePlanId: SEED_SERVICE_PLAN_IDS[1] } }),
    ),
    ...phones.sweden.map((phoneNumber) =>
      base({ phoneNumber, regionCode: 'SE', type: 'MOBILE', capability: ['SMS'], money: { currencyCode: 'USD', amount: '1.20' } }),
    ),
  ];
  for (let index = 0; index < (options.extraNumbers ?? 0); index += 1) {
    records.push(
      base({
        phoneNumber: `+1415${String(7_000_000 + index).padStart(7, '0')}`,
        displayName: `Benchmark ${index + 1}`,
        sms: linkedSms(index),
        voice: est(index),
      }),
    );
  }
  return records;
}

export function trunkFor(index: number): string {
  return SEEDED_TRUNK_IDS[index % SEEDED_TRUNK_IDS.length] ?? '';
}

/** How many active numbers the seed holds (without `extraNumbers`). */
export const SEEDED_NUMBER_COUNT = seedActiveNumbers({ projectId: 'count' }).length;
