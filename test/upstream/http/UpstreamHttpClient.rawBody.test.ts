import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpstreamError } from '../../../src/upstream/UpstreamError.js';
import { startErrorHarness } from '../../errors/upstreamErrorHarness.js';
import type { ErrorHarness } from '../../errors/upstreamErrorHarness.js';

const MARKER = 'RAW-BODY-MARKER-7f3a';

/** Everything an error exposes: its fields, its message, its stack and its cause chain. */
const everything = (error: UpstreamError) => `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}\n${error.stack ?? ''}`;

describe('UpstreamHttpClient: the raw body never leaks', () => {
  let harness: ErrorHarness;
  beforeAll(async () => {
    harness = await startErrorHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it.each([
    ['an HTML 502 page', 502, 'text/html', `<html><body><h1>502 Bad Gateway</h1><!-- ${MARKER} --></body></html>`],
    ['an HTML 200 page', 200, 'text/html', `<html><body>${MARKER}</body></html>`],
    ['an HTML 200 page labelled as JSON', 200, 'application/json', `<html><body>${MARKER}</body></html>`],
    ['garbage labelled as JSON', 200, 'application/json', `${MARKER}{{{`],
    ['a JSON 500 with undocumented fields', 500, 'application/json', JSON.stringify({ error: { code: 500, status: 'INTERNAL', debug: MARKER, stack: [MARKER] } })],
    ['plain text on a 400', 400, 'text/plain', `invalid request ${MARKER}`],
  ])('keeps %s out of the error, its message and its cause', async (_name, status, contentType, body) => {
    const error = await harness.errorFor('NUMBERS', { status, headers: { 'content-type': contentType }, body });
    expect(everything(error)).not.toContain(MARKER);
  });

  it('keeps a JSON 400 body out of the error except its sanitized message', async () => {
    const body = { error: { code: 400, message: 'parsing field "type" failed', status: 'INVALID_ARGUMENT', internal: MARKER } };
    const error = await harness.errorFor('NUMBERS', { status: 400, body });
    expect(error.upstreamMessage).toBe('parsing field "type" failed');
    expect(error.message).toBe('The Sinch Numbers API answered 400: parsing field "type" failed');
    expect(everything(error)).not.toContain(MARKER);
  });

  it('replaces control characters in the message, so it cannot forge a log line', async () => {
    const body = { error: { code: 400, message: 'Bad value\r\n{"level":50,"msg":"forged"}\u0007 end\u0085', status: 'INVALID_ARGUMENT' } };
    const error = await harness.errorFor('NUMBERS', { status: 400, body });
    expect(error.upstreamMessage).toBe('Bad value {"level":50,"msg":"forged"}  end');
    expect(['\r', '\n', '\u0007', '\u0085'].filter((character) => error.message.includes(character))).toEqual([]);
  });

  it('replaces Unicode line separators and bidirectional overrides in the message', async () => {
    const body = { errorCode: 40001, message: 'a\u2028b\u2029c\u202eevil\u2066d', status: '400 ParameterValidation' };
    const error = await harness.errorFor('VERIFICATION', { status: 400, body });
    expect(error.upstreamMessage).toBe('a b c evil d');
  });

  it('sanitizes and bounds the upstream code, status and reference as it does the message', async () => {
    const body = { code: `syntax_invalid_json\r\nFORGED${'x'.repeat(10_000)}`, text: 'ok' };
    const error = await harness.errorFor('NUMBERS', { status: 400, body });
    expect(error.upstreamCode).toMatch(/^syntax_invalid_json FORGEDx+…$/);
    expect(error.upstreamCode).toHaveLength(501);

    const verification = await harness.errorFor('VERIFICATION', { status: 404, body: { errorCode: 40400, message: 'm', status: '404\nX', reference: `r\t${'y'.repeat(9_000)}` } });
    expect(verification.status).toBe('404 X');
    expect(verification.reference).toHaveLength(501);
  });

  it('truncates a 10 KB message to 500 characters and an ellipsis', async () => {
    const long = `${'Long message. '.repeat(800)}${MARKER}`;
    const error = await harness.errorFor('SIP_TRUNKING', { status: 400, body: { code: 400, status: 'BAD_REQUEST', message: long } });
    expect(error.upstreamMessage).toBe(`${long.slice(0, 500)}…`);
    expect(everything(error)).not.toContain(MARKER);
  });

  it('never cuts a character in half when truncating', async () => {
    const emoji = '\u{1F4DE}';
    const error = await harness.errorFor('NUMBERS', { status: 400, body: { code: 'INVALID_ARGUMENT', text: `a${emoji.repeat(700)}` } });
    expect(error.upstreamMessage).toBe(`a${emoji.repeat(499)}…`);
    expect(error.upstreamMessage).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('drops oversized details and keeps at most 20', async () => {
    const details = [{ type: 'Huge', blob: MARKER.repeat(200) }, ...Array.from({ length: 30 }, (_, index) => ({ type: 'BadRequest', index }))];
    const error = await harness.errorFor('NUMBERS', { status: 400, body: { error: { code: 400, message: 'm', status: 'INVALID_ARGUMENT', details } } });
    expect(error.details).toHaveLength(19);
    expect(everything(error)).not.toContain(MARKER);
  });
});
