import { FLASH_CALL_CLI_FILTER } from './deterministicSecret.js';
import type { VerificationRecord } from './VerificationRecord.js';

const TEMPLATES: Record<string, string> = {
  sv: 'Din verifieringskod är {{CODE}}.',
  es: 'Tu código de verificación es {{CODE}}.',
  fr: 'Votre code de vérification est {{CODE}}.',
};
const DEFAULT_TEMPLATE = 'Your verification code is {{CODE}}.';

/** The SMS language: the first tag of `Accept-Language` with a template, else English. */
export function smsLanguage(acceptLanguage: string | undefined): { language: string; template: string } {
  for (const tag of (acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]?.trim() ?? '')) {
    const template = TEMPLATES[tag.slice(0, 2).toLowerCase()];
    if (template !== undefined) return { language: tag, template };
  }
  return { language: 'en-US', template: DEFAULT_TEMPLATE };
}

/** The start response of REFERENCE §5.4, links pointing back at this simulator. */
export function toStartResponse(record: VerificationRecord, origin: string, template: string, interceptionTimeout: number): Record<string, unknown> {
  const href = `${origin}/verification/v1/verifications/id/${record.id}`;
  const base = {
    id: record.id,
    method: record.method,
    _links: [
      { rel: 'status', href, method: 'GET' },
      { rel: 'report', href, method: 'PUT' },
    ],
  };
  switch (record.method) {
    case 'sms':
      return { ...base, sms: { template, interceptionTimeout, codeType: record.codeType } };
    case 'flashcall':
      return {
        ...base,
        flashCall: {
          cliFilter: FLASH_CALL_CLI_FILTER,
          interceptionTimeout,
          reportTimeout: Math.round((record.expiresAt - record.createdAt) / 1000),
          denyCallAfter: 0,
        },
      };
    case 'callout':
      return base;
    case 'seamless':
      return { ...base, seamless: { targetUri: `${origin}/verification/v1/seamless/${record.id}` } };
    case 'whatsapp':
      return { ...base, whatsapp: { codeType: record.codeType } };
  }
}
