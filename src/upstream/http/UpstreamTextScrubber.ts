import { isIP } from 'node:net';
import { decodedViewsOf, OVER_BUDGET } from './decodedViewsOf.js';
import { KnownSecrets } from './KnownSecrets.js';
import type { ParsedErrorBody } from './parseErrorBody.js';

/** What replaces everything the scrubber removes. */
export const SCRUBBED = '[redacted]';

export interface UpstreamTextScrubberOptions {
  /** The gateway's secrets: every project's, and the token providers' recent tokens. */
  secrets?: KnownSecrets;
  /**
   * The configured Sinch origins. URLs of their hosts may stay in a message, when the host is a
   * public DNS name; an IP address or an internal name never stays, configured or not.
   */
  sinchOrigins?: readonly string[];
}

/**
 * The one place where text an upstream sent is made safe to keep on an error (and so to return
 * to a client and to log). An upstream, or a proxy in front of it, may echo the request it
 * received: the gateway's bearer token, its Basic credentials, a signature, a secret, the
 * addresses of internal hosts. Every string of an error body goes through `scrub` before it is
 * stored on an `UpstreamError`; docs/security.md states the rule.
 *
 * Removed, each replaced with `[redacted]`:
 * - any piece (8 characters or more) of a secret the gateway holds (`KnownSecrets`) or of the
 *   credentials sent with this very request, also when it arrives percent-encoded (once or
 *   more), backslash- or HTML-escaped, base64- or hex-encoded (at any alignment, so a cut
 *   encoding is found too);
 * - anything shaped like a JWT, an `Authorization` credential (`Bearer …`, `Basic …`,
 *   `Digest …`, `Negotiate …`, the signed `Application key:signature`) or a `key=value` /
 *   `"key": "value"` whose key names a secret (`authorization`, `token`, `secret`, `password` …);
 * - URLs of hosts other than the configured Sinch origins, URLs with credentials in them, IP
 *   addresses (v4 and v6), `localhost`, internal host names (`*.internal`, `*.local`,
 *   `*.svc.cluster.local` …), and `host:port` pairs.
 *
 * A word (text between whitespace) in which a secret or credential is found is removed whole,
 * so no part of it survives around the match.
 */
export class UpstreamTextScrubber {
  readonly #secrets: KnownSecrets;
  readonly #allowedHosts: ReadonlySet<string>;

  constructor(options: UpstreamTextScrubberOptions = {}) {
    this.#secrets = options.secrets ?? new KnownSecrets();
    this.#allowedHosts = new Set((options.sinchOrigins ?? []).map(hostOf).filter((host): host is string => host !== undefined && isPublicName(host)));
  }

  /**
   * The secrets of one request: the values of its credential headers after the scheme, each
   * `:`-separated part of them, and the decoded `user:password` of Basic credentials with each half.
   */
  static requestCredentials(headers: Readonly<Record<string, string | undefined>>): KnownSecrets {
    const credentials = new KnownSecrets();
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || !CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
      // The scheme itself (`Bearer`, `Application`) is a word, not a secret: only what follows it.
      const [scheme = '', ...rest] = value.trim().split(/\s+/);
      const credential = rest.length === 0 ? scheme : rest.join(' ');
      credentials.add(credential);
      for (const part of credential.split(':')) credentials.add(part);
      if (scheme.toLowerCase() === 'basic') {
        const decoded = Buffer.from(credential, 'base64').toString('utf8');
        credentials.add(decoded);
        for (const part of decoded.split(':')) credentials.add(part);
      }
    }
    return credentials;
  }

  /** Every string of a parsed error body scrubbed (the details are already reduced to documented fields). */
  scrubBody(body: ParsedErrorBody, request?: KnownSecrets): ParsedErrorBody {
    const scrub = (value: string | undefined) => (value === undefined ? undefined : this.scrub(value, request));
    return {
      ...(body.status !== undefined && { status: scrub(body.status) }),
      ...(body.code !== undefined && { code: scrub(body.code) }),
      ...(body.message !== undefined && { message: scrub(body.message) }),
      ...(body.reference !== undefined && { reference: scrub(body.reference) }),
      ...(body.details !== undefined && { details: body.details.map((detail) => scrubStrings(detail, (text) => this.scrub(text, request))) }),
    };
  }

  /** `text` with every secret, credential and non-Sinch address removed. */
  scrub(text: string, request?: KnownSecrets): string {
    const phrased = text
      .replace(SCHEME_CREDENTIAL, (match: string, scheme: string, credential: string) => (isCredential(scheme, credential) ? SCRUBBED : match))
      .replace(APPLICATION_CREDENTIAL, SCRUBBED)
      .replace(SECRET_ASSIGNMENT, (_match: string, key: string, separator: string) => `${key}${separator}${SCRUBBED}`);
    const words = phrased
      .split(/(\s+)/)
      .map((word) => (word.trim() === '' || word === SCRUBBED ? word : this.#scrubWord(word, request)))
      .join('');
    return this.#withoutAddresses(words);
  }

  /** The word, or `[redacted]` when it or any decoding of it holds a credential or (decoded) an address. */
  #scrubWord(word: string, request: KnownSecrets | undefined): string {
    const [raw, ...decoded] = decodedViewsOf(word);
    if (raw === undefined) return word;
    if (this.#holdsCredential(raw, request)) return SCRUBBED;
    for (const view of decoded) {
      // Encoded text is removed whole: positions in it do not map back to the word.
      if (this.#holdsCredential(view, request) || this.#withoutAddresses(view) !== view) return SCRUBBED;
    }
    return word;
  }

  #holdsCredential(view: string, request: KnownSecrets | undefined): boolean {
    return (
      view === OVER_BUDGET ||
      this.#secrets.appearsIn(view) ||
      (request?.appearsIn(view) ?? false) ||
      JWT_SHAPE.test(view) ||
      hasSchemeCredential(view) ||
      APPLICATION_CREDENTIAL_TEST.test(view) ||
      SECRET_ASSIGNMENT_TEST.test(view)
    );
  }

  #withoutAddresses(text: string): string {
    return text
      .replace(URL_PATTERN, (url) => (this.#isAllowedUrl(url) ? url : SCRUBBED))
      .replace(IPV4_PATTERN, SCRUBBED)
      .replace(IPV6_PATTERN, (match) => (isIP((/^\[([^\]]*)\]/.exec(match)?.[1] ?? match).split('%')[0] ?? '') === 6 ? SCRUBBED : match))
      .replace(HOST_PATTERN, (match: string, host: string, port: string | undefined) => (this.#isInternalHost(host, port) ? SCRUBBED : match))
      .replace(LOCALHOST_PATTERN, SCRUBBED)
      .replace(NAME_WITH_PORT_PATTERN, SCRUBBED);
  }

  #isAllowedUrl(url: string): boolean {
    const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
    if (authority.includes('@')) return false;
    const host = authority.replace(/:\d*$/, '').toLowerCase();
    return this.#allowedHosts.has(host);
  }

  #isInternalHost(host: string, port: string | undefined): boolean {
    if (this.#allowedHosts.has(host)) return false;
    const labels = host.split('.');
    const last = labels[labels.length - 1] ?? '';
    if (port !== undefined) return true;
    if (HOST_SUFFIXES.has(last)) return true;
    if (labels.length >= 3 && /^[a-z]{2,}$/.test(last)) return true;
    return labels.length >= 3 && INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
  }
}

function scrubStrings(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubStrings(item, scrub));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubStrings(item, scrub)]));
  }
  return value;
}

/** Headers whose values are credentials of the request. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie']);

const JWT_SHAPE = /ey[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/;
/** `Bearer abc…`, `Basic a2V5…`: the scheme and the credential after it. */
const SCHEME_CREDENTIAL = /\b(bearer|basic|digest|negotiate)\s+["']?([^\s,;"'<>]+)/gi;
const APPLICATION_CREDENTIAL = /\bapplication\s+[^\s:]+:[^\s,;"'<>]*/gi;
const APPLICATION_CREDENTIAL_TEST = /\bapplication\s+[^\s:]+:/i;
/** `authorization: …`, `"access_token":"…"`, `client_secret=…`: the value of a key that names a secret. */
const SECRET_ASSIGNMENT =
  /\b(authorization|proxy-authorization|x-api-key|api[-_]?key|access[-_]?token|refresh[-_]?token|id[-_]?token|client[-_]?secret|hmac[-_]?secret|key[-_]?secret|application[-_]?secret|secret|password|passwd|signature|cookie|set-cookie|token)(["']?\s*[:=]\s*["']?)(?!\[redacted\])([^\s"',;&}<>]+)/gi;
const SECRET_ASSIGNMENT_TEST = new RegExp(SECRET_ASSIGNMENT.source, 'i');

/**
 * `Basic` is an English word: only a credential when what follows decodes to `user:password`
 * (RFC 7617). The other schemes are taken at their word.
 */
function isCredential(scheme: string, credential: string): boolean {
  if (scheme.toLowerCase() !== 'basic') return true;
  return /^[A-Za-z0-9+/_-]{4,}={0,2}$/.test(credential) && Buffer.from(credential, 'base64').toString('latin1').includes(':');
}

function hasSchemeCredential(view: string): boolean {
  for (const match of view.matchAll(SCHEME_CREDENTIAL)) {
    if (isCredential(match[1] ?? '', match[2] ?? '')) return true;
  }
  return false;
}

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi;
const IPV4_PATTERN = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?!\w|\.\d)/g;
const IPV6_PATTERN = /\[[0-9a-f:.%]+\](?::\d{1,5})?|(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** Lower-case dotted names (field paths such as `smsConfiguration.campaignId` are camel case). */
const HOST_PATTERN = new RegExp(`(?<![\\w.-])(${LABEL}(?:\\.${LABEL})+)(?::(\\d{1,5}))?(?![\\w-])`, 'g');
const LOCALHOST_PATTERN = /(?<![\w.-])localhost(?::\d{1,5})?(?![\w-])/gi;
/** `redis-master:6379`, `db:5432`: a single-label host with a port. */
const NAME_WITH_PORT_PATTERN = /(?<![\w.-])[a-z][a-z0-9-]*:\d{2,5}(?![\w.-])/g;

/** The last label of names that are host names rather than words with a dot in them. */
const HOST_SUFFIXES = new Set([
  // Internal and reserved.
  'local', 'localhost', 'localdomain', 'internal', 'intranet', 'corp', 'lan', 'home', 'private', 'svc', 'cluster', 'consul', 'arpa', 'test', 'example', 'invalid',
  // Generic top-level domains.
  'com', 'net', 'org', 'io', 'dev', 'app', 'cloud', 'info', 'biz', 'tech', 'site', 'online', 'services', 'systems', 'network',
  // Country codes common in company host names.
  'co', 'us', 'uk', 'eu', 'de', 'se', 'fr', 'nl', 'br', 'jp', 'au', 'ca', 'ch', 'es', 'pl', 'sg', 'me', 'ai',
]);
const INTERNAL_SUFFIXES = ['.svc.cluster.local', '.compute.internal', '.ec2.internal'];

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A host that is safe to name: a public DNS name, not an address or an internal name. */
function isPublicName(host: string): boolean {
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0 || !host.includes('.')) return false;
  const last = host.slice(host.lastIndexOf('.') + 1);
  return !['local', 'localhost', 'localdomain', 'internal', 'intranet', 'corp', 'lan', 'home', 'private', 'svc', 'cluster', 'consul', 'arpa', 'test', 'invalid'].includes(last);
}
