import type { Resolvers } from '../../../generated/graphql.js';
import type { LinkWire, StartedVerification } from '../../../upstream/verification/verificationWire.js';
import { codeTypeOf, methodOf } from './verificationEnums.js';

const START_TYPES = {
  sms: 'SmsVerificationStart',
  flashcall: 'FlashCallVerificationStart',
  callout: 'PhoneCallVerificationStart',
  seamless: 'SeamlessVerificationStart',
  whatsapp: 'WhatsAppVerificationStart',
} as const;

/** Fields every start type shares; the method the gateway asked for is authoritative. */
const common = {
  id: (parent: StartedVerification) => parent.response.id,
  method: (parent: StartedVerification) => methodOf(parent.requestedMethod),
  links: (parent: StartedVerification) => linksOf(parent.response._links),
};

/** `VerificationStart` and its five implementations, one per start method (REFERENCE §5.4). */
export const verificationStartResolvers: Pick<
  Resolvers,
  | 'VerificationStart'
  | 'SmsVerificationStart'
  | 'FlashCallVerificationStart'
  | 'PhoneCallVerificationStart'
  | 'SeamlessVerificationStart'
  | 'WhatsAppVerificationStart'
  | 'VerificationLink'
> = {
  VerificationStart: {
    __resolveType: (parent) => START_TYPES[parent.requestedMethod],
  },
  SmsVerificationStart: {
    ...common,
    template: (parent) => parent.response.sms?.template ?? null,
    interceptionTimeoutSeconds: (parent) => parent.response.sms?.interceptionTimeout ?? null,
    codeType: (parent) => codeTypeOf(parent.response.sms?.codeType),
    contentLanguage: (parent) => parent.contentLanguage ?? null,
  },
  FlashCallVerificationStart: {
    ...common,
    cliFilter: (parent) => parent.response.flashCall?.cliFilter ?? null,
    interceptionTimeoutSeconds: (parent) => parent.response.flashCall?.interceptionTimeout ?? null,
    reportTimeoutSeconds: (parent) => parent.response.flashCall?.reportTimeout ?? null,
    denyCallAfterSeconds: (parent) => parent.response.flashCall?.denyCallAfter ?? null,
  },
  PhoneCallVerificationStart: { ...common },
  SeamlessVerificationStart: {
    ...common,
    targetUri: (parent) => parent.response.seamless?.targetUri ?? null,
  },
  WhatsAppVerificationStart: {
    ...common,
    codeType: (parent) => codeTypeOf(parent.response.whatsapp?.codeType),
  },
  VerificationLink: {
    rel: (parent) => parent.rel ?? '',
    href: (parent) => parent.href ?? '',
    method: (parent) => parent.method ?? '',
  },
};

/** Links without an href are useless to a client and are dropped. */
function linksOf(links: LinkWire[] | undefined): LinkWire[] {
  return (links ?? []).filter((link) => typeof link.href === 'string');
}
