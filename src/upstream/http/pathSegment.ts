import { InvalidInputError } from '../../errors/InvalidInputError.js';

/**
 * A value that has been validated against its documented pattern and encoded, and so can be
 * placed in an upstream URL path. Upstream clients build paths only with `pathOf` and these
 * segments, so a raw argument can never reach a URL (the type system refuses it).
 */
export interface PathSegment {
  readonly encoded: string;
  readonly [pathSegmentBrand]: true;
}
declare const pathSegmentBrand: unique symbol;

/** Strict E.164: a plus, a non-zero digit, up to 15 digits in all. ASCII digits only. */
export const E164_PATTERN = /^\+[1-9][0-9]{1,14}$/;

/**
 * The documented shape of each kind of ID. Every pattern excludes `/`, `.`-only values, `?`,
 * `#`, `%` and control characters, so no accepted value can change the path it is put in.
 */
export const ID_PATTERNS = {
  projectId: /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/,
  /** Elastic SIP Trunking IDs are 26-character ULIDs (the vendor's own mocks use any letters). */
  sipResourceId: /^[0-9A-Za-z]{26}$/,
  verificationId: /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/,
  verificationReference: /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,127}$/,
  countryCode: /^([A-Z]{2}|\*)$/,
  credentialUsername: /^[A-Za-z0-9_@+-][A-Za-z0-9._@+-]{0,127}$/,
  numberOrderId: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
  callRecordId: /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/,
} as const satisfies Record<string, RegExp>;

export type IdKind = keyof typeof ID_PATTERNS;

export function phoneNumberSegment(value: string, argumentName = 'phoneNumber'): PathSegment {
  if (!E164_PATTERN.test(value)) {
    throw new InvalidInputError(
      argumentName,
      `${argumentName} must be a phone number in E.164 format: a plus sign followed by 2 to 15 digits, such as +12025550134.`,
    );
  }
  // `+` is a legal path character and the Sinch APIs expect it literally (REFERENCE 3.2).
  return segment(value);
}

export function idSegment(value: string, kind: IdKind, argumentName: string): PathSegment {
  if (!ID_PATTERNS[kind].test(value)) {
    throw new InvalidInputError(argumentName, `${argumentName} is not a valid ${describeKind(kind)}.`);
  }
  return segment(encodeURIComponent(value));
}

/** A path built only from literal template text and validated segments. */
export function pathOf(strings: TemplateStringsArray, ...segments: PathSegment[]): string {
  let path = strings[0] ?? '';
  segments.forEach((value, index) => {
    path += value.encoded + (strings[index + 1] ?? '');
  });
  return path;
}

function segment(encoded: string): PathSegment {
  return { encoded } as PathSegment;
}

function describeKind(kind: IdKind): string {
  switch (kind) {
    case 'projectId':
      return 'Sinch project ID (letters, digits and dashes)';
    case 'sipResourceId':
      return 'Elastic SIP Trunking ID (26 letters and digits)';
    case 'verificationId':
      return 'verification ID (letters, digits and dashes)';
    case 'verificationReference':
      return 'verification reference (letters, digits and . _ ~ -)';
    case 'countryCode':
      return 'ISO 3166-1 alpha-2 country code (two capital letters) or *';
    case 'credentialUsername':
      return 'credential username (letters, digits and . _ @ + -)';
    case 'numberOrderId':
      return 'number order ID (letters, digits, _ and -)';
    case 'callRecordId':
      return 'call record ID (letters, digits, _ and -)';
  }
}
