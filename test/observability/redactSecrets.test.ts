import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../src/observability/redactSecrets.js';
import { createLogger } from '../../src/server/createLogger.js';

/** Every value below is a secret: none of them may appear in any log output. */
const SECRETS = ['sk-live-AAAA1111', 'eyJhbGciOi.BBBB2222', 'hunter2-CCCC3333', 'cookie-DDDD4444', 'OTP-EEEE5555', '+46700000001', 'api-key-FFFF6666', 'hmac-GGGG7777'];

const NESTED = {
  request: {
    headers: { Authorization: `Bearer ${SECRETS[1]}`, 'X-API-KEY': SECRETS[6], COOKIE: SECRETS[3], accept: 'application/json' },
    body: { method: 'sms', sms: { code: SECRETS[4] } },
  },
  upstream: [{ credentials: { keyId: 'k', KeySecret: SECRETS[0] } }, { oauth: { ACCESS_TOKEN: SECRETS[1], token_type: 'bearer' } }],
  deep: { a: { b: { c: { userPassword: SECRETS[2], HmacSecret: SECRETS[7] } } } },
  flashCall: { cli: SECRETS[5] },
  variables: { input: { id: 'verification-1', method: 'SMS', code: SECRETS[4] } },
  extensions: { code: 'UPSTREAM_TIMEOUT' },
};

describe('redactSecrets: censors secrets at any depth and in any letter case', () => {
  it('censors secret keys and keeps everything else', () => {
    const redacted = redactSecrets(NESTED) as typeof NESTED;
    expect(redacted.request.headers).toEqual({ Authorization: REDACTED, 'X-API-KEY': REDACTED, COOKIE: REDACTED, accept: 'application/json' });
    expect(redacted.request.body).toEqual({ method: 'sms', sms: { code: REDACTED } });
    expect(redacted.upstream).toEqual([{ credentials: REDACTED }, { oauth: { ACCESS_TOKEN: REDACTED, token_type: 'bearer' } }]);
    expect(redacted.deep.a.b.c).toEqual({ userPassword: REDACTED, HmacSecret: REDACTED });
    expect(redacted.flashCall).toEqual({ cli: REDACTED });
    expect(redacted.variables.input).toEqual({ id: 'verification-1', method: 'SMS', code: REDACTED });
    expect(JSON.stringify(redacted)).not.toMatch(new RegExp(SECRETS.map((secret) => secret.replace('+', '\\+')).join('|')));
  });

  it('keeps error codes: `code` is an OTP only under a verification context', () => {
    expect(redactSecrets({ extensions: { code: 'NOT_FOUND' }, err: { code: 'UND_ERR_SOCKET' }, errorCode: 40_001 })).toEqual({ extensions: { code: 'NOT_FOUND' }, err: { code: 'UND_ERR_SOCKET' }, errorCode: 40_001 });
  });

  it('censors credentials written into a string, whatever the key', () => {
    expect(redactSecrets({ note: `Basic ${SECRETS[0]}`, signed: 'Application app-key:c2lnbmF0dXJl', plain: 'uses Bearer tokens' })).toEqual({ note: REDACTED, signed: REDACTED, plain: 'uses Bearer tokens' });
  });

  it('walks errors, their own properties and their causes', () => {
    const cause = Object.assign(new Error('token refused'), { response: { headers: { authorization: `Bearer ${SECRETS[1]}` } } });
    const error = Object.assign(new Error('upstream failed', { cause }), { code: 'UPSTREAM_AUTH_FAILED', request: { keySecret: SECRETS[0] } });
    const output = JSON.stringify(redactSecrets({ err: error }));
    expect(output).toContain('upstream failed');
    expect(output).toContain('UPSTREAM_AUTH_FAILED');
    for (const secret of SECRETS) expect(output).not.toContain(secret);
  });

  it('is bounded: cycles, depth, keys and items', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect(redactSecrets(cyclic)).toEqual({ name: 'loop', self: '[circular]' });

    let deep: Record<string, unknown> = { password: SECRETS[2] };
    for (let level = 0; level < 20; level++) deep = { level: deep };
    expect(JSON.stringify(redactSecrets(deep))).toContain('[too deep]');

    const wide = Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`key${index}`, index]));
    expect(Object.keys(redactSecrets(wide) as object)).toHaveLength(101);
    expect((redactSecrets(Array.from({ length: 80 }, (_, index) => index)) as unknown[]).at(-1)).toBe('[30 more]');
  });
});

describe('createLogger: no secret reaches the log output', () => {
  it('censors merged objects, child bindings and errors, and keeps the message and level', () => {
    const lines: string[] = [];
    const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
    const child = logger.child({ component: 'upstream', auth: { clientSecret: SECRETS[0] } });
    child.info(NESTED, 'nested');
    child.error(Object.assign(new Error('refused'), { headers: { Authorization: `Bearer ${SECRETS[1]}` } }), 'an error');
    child.warn({ err: new Error('wrapped', { cause: { password: SECRETS[2] } }) }, 'a wrapped error');
    child.debug({ verification: { sms: { code: SECRETS[4] } }, apiKey: SECRETS[6], HMACSECRET: SECRETS[7], jar: { Cookie: SECRETS[3] } }, 'mixed case');

    const output = lines.join('');
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => record['msg'])).toEqual(['nested', 'an error', 'a wrapped error', 'mixed case']);
    expect(records[1]?.['err']).toMatchObject({ type: 'Error', message: 'refused', headers: { Authorization: REDACTED } });
    expect(records[0]).toMatchObject({ component: 'upstream', auth: { clientSecret: REDACTED }, extensions: { code: 'UPSTREAM_TIMEOUT' } });
  });
});

describe('redactSecrets: URLs lose their query strings', () => {
  it('keeps the path of every URL in a string value and drops its query', () => {
    const logged = redactSecrets({
      err: new Error('Reply was already sent in "/graphql?query=mutation%7BreportVerification%7D&code=123456" (GET)?'),
      note: 'see http://127.0.0.1:4000/graphql?variables={"code":"654321"} and /a?b=c',
      question: 'did it work?',
    }) as { err: { message: string }; note: string; question: string };
    expect(logged.err.message).toBe('Reply was already sent in "/graphql (GET)?');
    expect(logged.note).toBe('see http://127.0.0.1:4000/graphql and /a');
    expect(logged.question).toBe('did it work?');
  });
});
