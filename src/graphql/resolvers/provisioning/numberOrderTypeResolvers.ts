import type { Resolvers } from '../../../generated/graphql.js';
import { emptyToNull } from '../numbers/emptyToNull.js';
import { knownEnumValue, knownEnumValues, NUMBER_CAPABILITIES, NUMBER_TYPES, VOICE_APPLICATION_TYPES } from '../numbers/knownEnumValue.js';
import { toMoney } from '../numbers/toMoney.js';

const ORDER_STATES = ['CREATED', 'IN_REVIEW', 'BLOCKED', 'REJECTED', 'COMPLETED', 'EXPIRED'] as const;

/** Number orders over the wire types: `""` is null, unknown enum values are null or UNSPECIFIED. */
export const numberOrderTypeResolvers: Pick<
  Resolvers,
  'NumberOrder' | 'OrderedNumber' | 'NumberOrderSmsConfiguration' | 'NumberOrderVoiceConfiguration' | 'NumberOrderRegistration' | 'NumberOrderAttachment' | 'NumberOrderRegistrationLog' | 'NumberRequirements' | 'RequiredAttachment'
> = {
  NumberOrder: {
    id: (order) => order.idNumberOrder ?? '',
    projectId: (order) => emptyToNull(order.projectId),
    regionCode: (order) => emptyToNull(order.regionCode),
    state: (order) => knownEnumValue(ORDER_STATES, order.state) ?? 'UNSPECIFIED',
    rawState: (order) => order.state ?? '',
    numberType: (order) => knownEnumValue(NUMBER_TYPES, order.numberType),
    numbers: (order) => order.orderNumbers ?? [],
    sms: (order) => (order.smsConfiguration?.servicePlanId ? order.smsConfiguration : null),
    voice: (order) => order.voiceConfiguration ?? null,
    expireTime: (order) => emptyToNull(order.expireTime),
    createTime: (order) => emptyToNull(order.createTime),
    updateTime: (order) => emptyToNull(order.updateTime),
    registration: (order, _args, { numbers, scope }) => numbers.client.getNumberOrderRegistration(scope, order.idNumberOrder ?? ''),
  },
  OrderedNumber: {
    phoneNumber: (number) => number.phoneNumber ?? '',
    setupPrice: (number) => toMoney(number.numberPrice?.setupPrice),
    monthlyPrice: (number) => toMoney(number.numberPrice?.monthlyPrice),
    paymentIntervalMonths: (number) => number.numberPrice?.paymentIntervalMonths ?? null,
    capabilities: (number) => knownEnumValues(NUMBER_CAPABILITIES, number.capabilities),
  },
  NumberOrderSmsConfiguration: {
    servicePlanId: (sms) => emptyToNull(sms.servicePlanId),
    campaignId: (sms) => emptyToNull(sms.campaignId),
  },
  NumberOrderVoiceConfiguration: {
    type: (voice) => knownEnumValue(VOICE_APPLICATION_TYPES, voice.type ?? 'RTC'),
    appId: (voice) => emptyToNull(voice.appId),
    trunkId: (voice) => emptyToNull(voice.trunkId),
    serviceId: (voice) => emptyToNull(voice.serviceId),
  },
  NumberOrderRegistration: {
    requestDetails: (registration) => registration.requestDetails ?? {},
    attachments: (registration) => registration.attachments ?? [],
    logs: (registration) => registration.logs ?? [],
  },
  NumberOrderAttachment: {
    id: (attachment) => emptyToNull(attachment.attachmentId),
    fileName: (attachment) => emptyToNull(attachment.fileName),
    mimeType: (attachment) => emptyToNull(attachment.mimeType),
    documentType: (attachment) => emptyToNull(attachment.documentType),
    uploadStatus: (attachment) => emptyToNull(attachment.uploadStatus),
    createTime: (attachment) => emptyToNull(attachment.createTime),
  },
  NumberOrderRegistrationLog: {
    message: (log) => log.message ?? '',
    createTime: (log) => emptyToNull(log.createTime),
  },
  NumberRequirements: {
    fields: (requirements) => requirements.fields ?? {},
    attachments: (requirements) => requirements.attachments ?? [],
  },
  RequiredAttachment: {
    id: (attachment) => attachment.id ?? '',
    title: (attachment) => emptyToNull(attachment.title),
    description: (attachment) => emptyToNull(attachment.description),
    mandatory: (attachment) => attachment.mandatory ?? false,
    allowedMimeTypes: (attachment) => attachment.allowedMimeTypes ?? [],
    allowedDocumentTypes: (attachment) => attachment.allowedDocumentTypes ?? [],
  },
};
