import { describe, expect, it } from 'vitest';
import { parseErrorBody, sanitizeMessage } from '../../../src/upstream/http/parseErrorBody.js';
import { parseRetryAfter } from '../../../src/upstream/http/parseRetryAfter.js';

describe('parseErrorBody: envelopes', () => {
  it.each([
    ['Numbers, Google RPC', '{"error":{"code":404,"message":"gone","status":"NOT_FOUND","details":[]}}', { code: '404', message: 'gone', status: 'NOT_FOUND', details: [] }],
    ['Numbers, code and text', '{"code":"syntax_invalid_json","text":"bad json"}', { code: 'syntax_invalid_json', message: 'bad json' }],
    ['Verification, numeric errorCode', '{"status":"400 MissingParameter","errorCode":40002,"message":"m","reference":"r1"}', { status: '400 MissingParameter', code: '40002', message: 'm', reference: 'r1' }],
    ['Verification, string errorCode', '{"errorCode":"40002","message":"m"}', { code: '40002', message: 'm' }],
    ['SIP, bare', '{"code":400,"status":"BAD_REQUEST","message":"m","details":[]}', { code: '400', status: 'BAD_REQUEST', message: 'm', details: [] }],
    ['SIP, wrapped', '{"error":{"code":400,"status":"BAD_REQUEST","message":"m"}}', { code: '400', status: 'BAD_REQUEST', message: 'm' }],
    ['Azure style', '{"error":{"code":"BadRequest","message":"m","target":"t"}}', { code: 'BadRequest', message: 'm' }],
    ['OAuth2', '{"error":"invalid_client","error_description":"Bad client credentials"}', { code: 'invalid_client', message: 'Bad client credentials' }],
    ['a single details object', '{"error":{"code":400,"details":{"type":"BadRequest"}}}', { code: '400', details: [{ type: 'BadRequest', fieldViolations: [] }] }],
    ['surrounding whitespace', '  \n{"code":"x"}\n ', { code: 'x' }],
  ])('reads the %s envelope', (_name, body, expected) => {
    expect(parseErrorBody(body)).toStrictEqual(expected);
  });

  it.each([
    ['an empty body', ''],
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>'],
    ['a JSON array', '[{"code":"x"}]'],
    ['a JSON string', '"error"'],
    ['null', 'null'],
    ['broken JSON', '{"error":'],
    ['an object without any known field', '{"foo":"bar"}'],
  ])('yields nothing for %s', (_name, body) => {
    expect(parseErrorBody(body)).toStrictEqual({});
  });

  it('ignores fields of the wrong type', () => {
    expect(parseErrorBody('{"code":{"nested":true},"message":42,"status":["x"],"reference":7,"details":"text"}')).toStrictEqual({});
  });

  it('drops empty strings', () => {
    expect(parseErrorBody('{"error":{"code":403,"message":"","status":"PERMISSION_DENIED"}}')).toStrictEqual({ code: '403', status: 'PERMISSION_DENIED' });
  });
});

describe('sanitizeMessage', () => {
  it('collapses every run of control characters to one space and trims', () => {
    expect(sanitizeMessage('\t a\r\n\r\nb\u0000\u001bc\u007f ')).toBe('a b c');
  });

  it('removes zero-width characters, so that they cannot hide what they are spliced into', () => {
    expect(sanitizeMessage('s\u200be\u200cc\u200dr\u2060e\ufefft\u00ad!')).toBe('secret!');
  });

  it('keeps ordinary Unicode text', () => {
    expect(sanitizeMessage('Numéro invalide: +٤٤ — 番号')).toBe('Numéro invalide: +٤٤ — 番号');
  });

  it('leaves a message of exactly 500 characters whole', () => {
    expect(sanitizeMessage('m'.repeat(500))).toBe('m'.repeat(500));
    expect(sanitizeMessage('m'.repeat(501))).toBe(`${'m'.repeat(500)}…`);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-06-06T14:42:00Z');

  it.each([
    ['delta-seconds', '120', 120],
    ['zero', '0', 0],
    ['delta-seconds with whitespace', ' 30 ', 30],
    ['an HTTP-date in the future', 'Thu, 06 Jun 2024 14:42:42 GMT', 42],
    ['an HTTP-date with a fraction of a second left, rounded up', new Date(now + 1_500).toUTCString(), 1],
    ['an HTTP-date in the past', 'Thu, 06 Jun 2024 14:00:00 GMT', 0],
    ['an obsolete RFC 850 date', 'Thursday, 06-Jun-24 14:42:42 GMT', 42],
  ])('reads %s', (_name, value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  it('reads an asctime date as GMT whatever the local time zone', () => {
    const zone = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    try {
      expect(parseRetryAfter('Thu Jun  6 14:42:42 2024', now)).toBe(42);
    } finally {
      if (zone === undefined) {
        delete process.env['TZ'];
      } else {
        process.env['TZ'] = zone;
      }
    }
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['negative', '-5'],
    ['a fraction', '1.5'],
    ['garbage', 'soon'],
    ['too many digits', '99999999999'],
    ['a day name and nothing like a date', 'Mon, later'],
  ])('yields undefined when %s', (_name, value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
