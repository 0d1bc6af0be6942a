import { describe, expect, it } from 'vitest';
import { KnownSecrets } from '../../../src/upstream/http/KnownSecrets.js';
import { SCRUBBED, UpstreamTextScrubber } from '../../../src/upstream/http/UpstreamTextScrubber.js';

const KEY_ID = '4f1d9c2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f';
const KEY_SECRET = 'Zq8vR2mN5tY7wK1pL4xC9bH3';
const APPLICATION_SECRET = 'dGhlLWFwcGxpY2F0aW9uLXNlY3JldC1ieXRlcw==';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwcm9qZWN0IiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
const OPAQUE_TOKEN = 'tok_9Hx2Lm7Qp4Rv8Ws1Yz6Ab3Cd5Ef0Gh';
const BASIC = Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64');

function scrubberWithSecrets(): UpstreamTextScrubber {
  const secrets = new KnownSecrets();
  secrets.addAccessKey(KEY_ID, KEY_SECRET);
  secrets.add(APPLICATION_SECRET);
  const tokens = secrets.tokenHistory();
  tokens.remember(TOKEN);
  tokens.remember(OPAQUE_TOKEN);
  return new UpstreamTextScrubber({ secrets, sinchOrigins: ['https://numbers.api.sinch.com', 'https://auth.sinch.com', 'http://127.0.0.1:4010'] });
}

const scrubber = scrubberWithSecrets();
const scrub = (text: string) => scrubber.scrub(text);

/** Every byte of these must be gone from a scrubbed text, in any of its pieces of 8 characters. */
const SECRETS = [KEY_SECRET, APPLICATION_SECRET, TOKEN, OPAQUE_TOKEN, BASIC];

function expectNoSecretIn(text: string): void {
  for (const secret of SECRETS) {
    for (let start = 0; start + 8 <= secret.length; start++) {
      expect(text).not.toContain(secret.slice(start, start + 8));
    }
  }
}

describe('UpstreamTextScrubber: the gateway\'s own secrets', () => {
  it.each([
    ['a key secret', `invalid client secret ${KEY_SECRET}`],
    ['an application secret', `application secret ${APPLICATION_SECRET} refused`],
    ['a remembered JWT access token', `token ${TOKEN} expired`],
    ['a remembered opaque access token', `token ${OPAQUE_TOKEN} expired`],
    ['a secret glued to other text', `x=${KEY_SECRET}&y=1`],
    ['the first half of a secret', `the secret starts ${KEY_SECRET.slice(0, 12)}`],
    ['the second half of a secret', `and ends ${KEY_SECRET.slice(12)}`],
    ['a truncated token', `got ${TOKEN.slice(0, 40)}…`],
    ['Basic credentials without the scheme', `credentials ${BASIC}`],
    ['a secret base64-encoded', `echo ${Buffer.from(KEY_SECRET).toString('base64')}`],
    ['a secret base64-encoded after one prefix byte', `echo ${Buffer.from(`x${KEY_SECRET}`).toString('base64')}`],
    ['a secret base64-encoded after two prefix bytes', `echo ${Buffer.from(`xy${KEY_SECRET}`).toString('base64')}`],
    ['a secret base64url-encoded', `echo ${Buffer.from(`??${KEY_SECRET}>>`).toString('base64url')}`],
    ['the second half of a base64 credential', `rest ${BASIC.slice(Math.floor(BASIC.length / 2) + 1)}`],
    ['a secret percent-encoded', `echo ${encodeURIComponent(`a/${KEY_SECRET}/b`).replace(/[A-Za-z]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}`],
    ['a secret percent-encoded twice', `echo ${encodeURIComponent(encodeURIComponent(`${KEY_SECRET}`.split('').map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')))}`],
    ['a secret JSON-escaped', `echo ${KEY_SECRET.split('').map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}`],
    ['a secret HTML-escaped', `echo ${KEY_SECRET.split('').map((c) => `&#${c.charCodeAt(0)};`).join('')}`],
    ['a secret hex-encoded', `echo ${Buffer.from(KEY_SECRET).toString('hex')}`],
    ['a secret base64-encoded twice', `echo ${Buffer.from(Buffer.from(KEY_SECRET).toString('base64')).toString('base64')}`],
    ['a secret percent-encoded inside base64', `echo ${Buffer.from(KEY_SECRET.split('').map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')).toString('base64')}`],
    ['a base64 secret behind many other base64 runs', `echo ${Array.from({ length: 40 }, (_, index) => `run${index}abcdefghijkl`).join('.')}.${Buffer.from(KEY_SECRET).toString('base64')}`],
    ['a secret percent-encoded five times', `echo ${[1, 2, 3, 4].reduce((text) => encodeURIComponent(text), KEY_SECRET.split('').map((c) => `%${c.charCodeAt(0).toString(16)}`).join(''))}`],
    ['a secret in upper case', `echo ${KEY_SECRET.toUpperCase()}`],
    ['a secret hex-encoded off by one digit', `echo 7${Buffer.from(KEY_SECRET).toString('hex')}`],
  ])('removes %s', (_name, text) => {
    const scrubbed = scrub(text);
    expect(scrubbed).toContain(SCRUBBED);
    expectNoSecretIn(scrubbed);
  });

  it('does not take the key id for a secret, but every piece of the Basic credentials made with it', () => {
    expect(scrub(`key ${KEY_ID} refused`)).toBe(`key ${KEY_ID} refused`);
    expect(scrub(`credentials ${BASIC.slice(0, 16)}`)).toBe(`credentials ${SCRUBBED}`);
  });

  it('keeps the words around a removed secret', () => {
    expect(scrub(`invalid client secret ${KEY_SECRET} for project p1`)).toBe(`invalid client secret ${SCRUBBED} for project p1`);
  });

  it('removes the credentials of the request itself, known or not', () => {
    const plain = new UpstreamTextScrubber();
    const basic = Buffer.from('another-key:another-secret-value').toString('base64');
    const request = UpstreamTextScrubber.requestCredentials({ authorization: `Basic ${basic}`, accept: 'application/json' });
    const scrubbed = plain.scrub(`refused ${basic} and another-secret-value for another-key`, request);
    expect(scrubbed).not.toContain('another-secret-value');
    expect(scrubbed).not.toContain(basic.slice(0, 8));
    expect(plain.scrub('accept application/json', request)).toBe('accept application/json');
  });

  it('does not take the scheme of a credential for a secret', () => {
    const request = UpstreamTextScrubber.requestCredentials({ authorization: 'Application 9a8b7c6d-5e4f-4a3b:c2lnbmF0dXJlLW9mLXRoZS1yZXF1ZXN0' });
    expect(new UpstreamTextScrubber().scrub('Application name has not been configured', request)).toBe('Application name has not been configured');
    expect(new UpstreamTextScrubber().scrub('signature c2lnbmF0dXJlLW9mLXRoZS1yZXF1ZXN0 is wrong', request)).toBe(`signature ${SCRUBBED} is wrong`);
  });

  it('forgets all but the last tokens of a history, and no more than its bound', () => {
    const secrets = new KnownSecrets();
    const history = secrets.tokenHistory(2);
    const tokens = ['first-token-aaaaaaaa', 'second-token-bbbbbbbb', 'third-token-cccccccc'];
    tokens.forEach((token) => history.remember(token));
    expect(tokens.map((token) => secrets.appearsIn(token))).toEqual([false, true, true]);
  });

  it('never matches a secret too short to be one', () => {
    const secrets = new KnownSecrets();
    secrets.add('abc');
    secrets.add('');
    expect(new UpstreamTextScrubber({ secrets }).scrub('abc abcdef')).toBe('abc abcdef');
  });
});

describe('UpstreamTextScrubber: credentials it does not know', () => {
  it.each([
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJ0ZW5hbnQiOiJvdGhlciJ9.sig was rejected'],
    ['a JWT without its signature', 'token eyJhbGciOiJIUzI1NiJ9.eyJ0ZW5hbnQiOiJvdGhlciJ9 was rejected'],
    ['a bearer credential', 'Authorization: Bearer 0paque-T0ken-of-someone-else'],
    ['a quoted bearer credential', 'header was "Bearer opaque-credential-1234"'],
    ['Basic credentials', `Authorization: Basic ${Buffer.from('user:pass').toString('base64')}`],
    ['a signed Application credential', 'Authorization: Application 9a8b7c6d-5e4f:Kx2mQ9pL7vB3nR8wT4yZ1cF6hJ0='],
    ['a credential percent-encoded', 'header Bearer%20opaque-credential-1234'],
    ['an authorization key', 'authorization=someone-elses-secret-value'],
    ['a JSON access_token', '{"access_token":"someone-elses-token-value","token_type":"bearer"}'],
    ['a client_secret', 'client_secret: someone-elses-secret-value'],
    ['a password', 'password=hunter2-hunter2'],
    ['a signature', 'x-signature: c29tZS1zaWduYXR1cmU='],
  ])('removes %s', (_name, text) => {
    const scrubbed = scrub(text);
    expect(scrubbed).toContain(SCRUBBED);
    expect(scrubbed).not.toMatch(/0paque|opaque-credential|dXNlcjpwYXNz|Kx2mQ9pL7vB3nR8w|someone-elses|hunter2|c29tZS1zaWdu|eyJ0ZW5hbnQi/);
  });
});

describe('UpstreamTextScrubber: addresses of hosts that are not the configured Sinch origins', () => {
  it.each([
    ['an internal URL', 'see http://10.20.30.40:8500/v1/kv/secret for details', 'see [redacted] for details'],
    ['a metadata URL', 'fetch http://metadata.google.internal/computeMetadata/v1 failed', 'fetch [redacted] failed'],
    ['a URL of another host', 'proxied by https://edge-7.proxy.example.net/route?x=1', 'proxied by [redacted]'],
    ['a Sinch URL with credentials in it', 'https://user:pw@numbers.api.sinch.com/v1', '[redacted]'],
    ['a configured origin that is a loopback address', 'upstream http://127.0.0.1:4010/v1/projects', 'upstream [redacted]'],
    ['an IPv4 address', 'connect ECONNREFUSED 10.0.0.5:443.', 'connect ECONNREFUSED [redacted].'],
    ['a private IPv4 address with a port', 'db at 192.168.1.20:5432 down', 'db at [redacted] down'],
    ['a bracketed IPv6 address', 'from [fd00::1]:8443 via', 'from [redacted] via'],
    ['a bare IPv6 address', 'peer fe80::1ff:fe23:4567:890a closed', 'peer [redacted] closed'],
    ['the IPv6 loopback', 'peer ::1 closed', 'peer [redacted] closed'],
    ['a Kubernetes service name', 'upstream redis-master.default.svc.cluster.local timed out', 'upstream [redacted] timed out'],
    ['an internal name with a port', 'via sinch-proxy.internal:3128', 'via [redacted]'],
    ['a single-label host with a port', 'db-primary:5432 refused', '[redacted] refused'],
    ['localhost', 'localhost:3000 is down', '[redacted] is down'],
    ['a Consul name', 'vault.service.consul unreachable', '[redacted] unreachable'],
    ['a corporate name', 'gw01.corp rejected', '[redacted] rejected'],
    ['an encoded internal URL', 'next http%3A%2F%2F10.1.2.3%2Fadmin', 'next [redacted]'],
  ])('removes %s', (_name, text, expected) => {
    expect(scrub(text)).toBe(expected);
  });

  it('keeps URLs of the configured Sinch origins that are public names', () => {
    expect(scrub('see https://numbers.api.sinch.com/v1/projects/p1/activeNumbers')).toBe('see https://numbers.api.sinch.com/v1/projects/p1/activeNumbers');
    expect(scrub('token from auth.sinch.com')).toBe('token from auth.sinch.com');
  });
});

describe('UpstreamTextScrubber: what Sinch actually says stays as it is', () => {
  it.each([
    'parsing field "type": "XXX" is not a valid value',
    'Trial account is not enabled to rent number',
    'Invalid timestamp format, must match yyyy-MM-dd\'T\'HH:mm:ss.SSSZ',
    'Phone number +12025550134 is already assigned to SIP Trunk 01GNZ9MXEZ4K6S8GB7RW063VAN',
    "Credential 'alice' is already being used by a SIP Endpoint on SIP Trunk '01JBQ4T8XG7N2M5K9P3R6VWYZA'",
    'Invalid regionCode: XX. Must be a valid ISO 3166-1 alpha-2 code.',
    'Invalid direction type: UP. Must be INBOUND or OUTBOUND.',
    'Access Control Lists must contain at least one IP Range',
    'Cannot initiate verification to the same number too quickly',
    'Verification 018f2d3e-9a8b-7c6d-5e4f-3a2b1c0d9e8f not found',
    'Invalid value for smsConfiguration.campaignId, e.g. a 10DLC campaign',
    'Request at 2026-01-02T12:30:45.123Z failed, retry at 12:31:00',
    'Unsupported API version 1.2.3',
    'A basic check of the number failed',
    'Application key is not configured for this project',
    'Missing parameter: identity.endpoint',
    'Number pattern must match ^\\+?[0-9]{1,15}$',
  ])('keeps "%s"', (message) => {
    expect(scrub(message)).toBe(message);
  });
});
