import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { ID_PATTERNS, idSegment, pathOf, phoneNumberSegment } from '../../../src/upstream/http/pathSegment.js';
import type { IdKind } from '../../../src/upstream/http/pathSegment.js';
import { UpstreamHttpClient } from '../../../src/upstream/http/UpstreamHttpClient.js';
import { startFaultServer } from '../../support/faultServer.js';
import type { FaultServer } from '../../support/faultServer.js';

/** Values that could change the path they are put in, or that are not what they look like. */
const HOSTILE: Array<[name: string, value: string]> = [
  ['a slash', 'abc/def'],
  ['a dot-dot segment', '..'],
  ['a dot segment', '.'],
  ['a question mark', 'abc?admin=1'],
  ['a hash', 'abc#frag'],
  ['an encoded slash', 'abc%2Fdef'],
  ['an encoded dot-dot', '%2e%2e'],
  ['a backslash', 'abc\\def'],
  ['a newline', 'abc\ndef'],
  ['a trailing newline', 'abc\n'],
  ['a NUL', 'abc\u0000'],
  ['a tab', 'abc\tdef'],
  ['a space', 'abc def'],
  ['a leading space', ' abc'],
  ['fullwidth digits', '１２０２５５５０１３４'],
  ['Arabic-Indic digits', '٤٤٧٧٠٠٩٠٠١٢٣'],
  ['an over-long value', 'a'.repeat(200)],
  ['an empty value', ''],
];

const HOSTILE_PHONE_NUMBERS: Array<[name: string, value: string]> = [
  ...HOSTILE,
  ['a number with a slash', '+1202/5550134'],
  ['a number with a path traversal', '+12025550134/../../admin'],
  ['a number with a query', '+12025550134?x=1'],
  ['fullwidth digits after a plus', '+１２０２５５５０１３４'],
  ['Arabic-Indic digits after a plus', '+٤٤٧٧٠٠٩٠٠١٢٣'],
  ['a fullwidth plus', '＋12025550134'],
  ['no plus', '12025550134'],
  ['a leading zero', '+012025550134'],
  ['16 digits', '+1202555013412345'],
  ['a single digit', '+1'],
  ['a trailing newline', '+12025550134\n'],
  ['an encoded plus', '%2B12025550134'],
  ['spaces', '+1 202 555 0134'],
];

const VALID: Record<IdKind, string[]> = {
  projectId: ['51bc3f40-f266-4ca8-8938-a1ed0ff32b9a', 'p'],
  sipResourceId: ['01GNZ9MXEZ4K6S8GB7RW063VAN', '01W4FFL35P4NC4K35SIPTRUNK1'],
  verificationId: ['1ce0ffee-c0de-5eed-d00d-f00dfeed1337'],
  verificationReference: ['order-42_a.b~c', '_ref'],
  countryCode: ['US', 'SE', '*'],
  credentialUsername: ['alice', 'alice.smith@example+sip', '+4612345'],
  numberOrderId: ['01HX_order-1'],
  callRecordId: ['call_01HX-42'],
};

const KINDS = Object.keys(ID_PATTERNS) as IdKind[];

const rejectionOf = (build: () => unknown): InvalidInputError => {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected the value to be rejected');
};

describe('pathSegment: phone numbers', () => {
  it.each(HOSTILE_PHONE_NUMBERS)('rejects %s', (_name, value) => {
    const error = rejectionOf(() => phoneNumberSegment(value, 'phoneNumber'));
    expect([error.code, error.argumentName]).toEqual(['BAD_USER_INPUT', 'phoneNumber']);
    expect(error.message).toContain('E.164');
  });

  it.each(['+12025550134', '+46701234567', '+999999999999999', '+12'])('accepts %s and keeps its plus literal', (value) => {
    expect(phoneNumberSegment(value).encoded).toBe(value);
  });

  it('names the argument it was given', () => {
    expect(rejectionOf(() => phoneNumberSegment('x', 'destination')).argumentName).toBe('destination');
  });
});

describe('pathSegment: IDs', () => {
  const cases = KINDS.flatMap((kind) => HOSTILE.map(([name, value]) => [kind, name, value] as const));

  it.each(cases)('rejects a %s with %s', (kind, _name, value) => {
    const error = rejectionOf(() => idSegment(value, kind, 'id'));
    expect([error.code, error.argumentName]).toEqual(['BAD_USER_INPUT', 'id']);
  });

  it.each(KINDS.flatMap((kind) => VALID[kind].map((value) => [kind, value] as const)))('accepts a %s %s and encodes it', (kind, value) => {
    expect(idSegment(value, kind, 'id').encoded).toBe(encodeURIComponent(value));
  });

  it('encodes the characters an ID may legitimately contain', () => {
    expect(idSegment('alice@example+sip', 'credentialUsername', 'username').encoded).toBe('alice%40example%2Bsip');
  });

  it('rejects a lower-case country code and an over-long project ID', () => {
    rejectionOf(() => idSegment('us', 'countryCode', 'regionCode'));
    rejectionOf(() => idSegment(`p${'1'.repeat(64)}`, 'projectId', 'projectId'));
  });

  it('rejects a SIP ID of 25 or 27 characters', () => {
    rejectionOf(() => idSegment('01GNZ9MXEZ4K6S8GB7RW063VA', 'sipResourceId', 'id'));
    rejectionOf(() => idSegment('01GNZ9MXEZ4K6S8GB7RW063VANX', 'sipResourceId', 'id'));
  });
});

describe('pathSegment: pathOf', () => {
  it('joins literal template text and validated segments', () => {
    const projectId = idSegment('51bc3f40-f266', 'projectId', 'projectId');
    const phoneNumber = phoneNumberSegment('+12025550134');
    expect(pathOf`/v1/projects/${projectId}/activeNumbers/${phoneNumber}:release`).toBe('/v1/projects/51bc3f40-f266/activeNumbers/+12025550134:release');
  });

  it('returns the literal text alone when there are no segments', () => {
    expect(pathOf`/v1/projects`).toBe('/v1/projects');
  });
});

describe('pathSegment: a rejected value never reaches the upstream', () => {
  let server: FaultServer;
  let client: UpstreamHttpClient;
  beforeAll(async () => {
    server = await startFaultServer();
    client = new UpstreamHttpClient({ service: 'NUMBERS', origin: server.origin });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('throws BAD_USER_INPUT before any request is sent', async () => {
    const getActiveNumber = async (projectId: string, phoneNumber: string) =>
      client.request({
        method: 'GET',
        path: pathOf`/v1/projects/${idSegment(projectId, 'projectId', 'projectId')}/activeNumbers/${phoneNumberSegment(phoneNumber)}`,
        route: '/v1/projects/{projectId}/activeNumbers/{phoneNumber}',
      });

    await expect(getActiveNumber('p', '+12025550134/../../../admin')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(getActiveNumber('../admin', '+12025550134')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'projectId' });
    expect(server.requests).toEqual([]);

    await getActiveNumber('p', '+12025550134');
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/projects/p/activeNumbers/+12025550134']);
  });
});
