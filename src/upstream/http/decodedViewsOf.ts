/** How deep encodings are unwrapped (base64 of a percent-encoded text is two). */
const MAX_DECODING_DEPTH = 4;
/** Decoded characters examined per word; past it the word is taken for a secret (fails closed). */
const MAX_DECODED_CHARACTERS = 100_000;
/** Stands for the decodings of a word that would pass `MAX_DECODED_CHARACTERS`. */
export const OVER_BUDGET = '\u0000over-budget';

/**
 * The word as written, then as it reads after each decoding an echo could have applied, nested
 * up to `MAX_DECODING_DEPTH`: percent-decoding (any number of times), backslash and HTML
 * escapes, and every base64 or hex run decoded at each alignment. `UpstreamTextScrubber` looks
 * for secrets, credentials and addresses in every one of them. A decoding that is mostly not printable text is not a
 * decoding of anything (base64 at the wrong alignment) and is not followed further.
 */
export function decodedViewsOf(word: string): string[] {
  const views = new Set<string>([word]);
  let frontier = [word];
  let budget = MAX_DECODED_CHARACTERS;
  for (let depth = 0; depth < MAX_DECODING_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const view of frontier) {
      for (const decoded of decodingsOf(view)) {
        if (views.has(decoded) || !isMostlyText(decoded)) continue;
        budget -= decoded.length;
        if (budget < 0) return [...views, OVER_BUDGET];
        views.add(decoded);
        next.push(decoded);
      }
    }
    frontier = next;
  }
  return [...views];
}

function decodingsOf(view: string): string[] {
  const decoded: string[] = [];
  // Percent-encoding is unwrapped all the way at once (it only shrinks the text): any depth of it.
  let percent = view;
  for (let round = 0; round < 16 && /%[0-9a-f]{2}/i.test(percent); round++) {
    percent = percentDecode(percent);
    decoded.push(percent, percent.replace(/\+/g, ' '));
  }
  if (view.includes('\\')) decoded.push(unescapeBackslashes(view));
  if (view.includes('&')) decoded.push(decodeHtmlEntities(view));
  for (const run of view.match(/[A-Za-z0-9+/_-]{12,}/g) ?? []) {
    for (let offset = 0; offset < 4; offset++) {
      decoded.push(Buffer.from(run.slice(offset).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'));
    }
  }
  for (const run of view.match(/[0-9a-f]{16,}/gi) ?? []) {
    for (let offset = 0; offset < 2; offset++) {
      decoded.push(Buffer.from(run.slice(offset, offset + Math.floor((run.length - offset) / 2) * 2), 'hex').toString('latin1'));
    }
  }
  return decoded;
}

/** At least 60% printable ASCII: what an encoded text decodes to, unlike a misaligned decoding. */
function isMostlyText(text: string): boolean {
  if (text.length < 4) return false;
  let printable = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code < 0x7f) printable++;
  }
  return printable >= text.length * 0.6;
}

function percentDecode(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function unescapeBackslashes(text: string): string {
  return text
    .replace(/\\u\{?([0-9a-f]{1,6})\}?/gi, (_match, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/\\x([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\(.)/g, '$1');
}

function decodeHtmlEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});?/gi, (_match, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#([0-9]{1,7});?/g, (_match, decimal: string) => String.fromCodePoint(Math.min(Number.parseInt(decimal, 10), 0x10ffff)))
    .replace(/&(quot|amp|lt|gt|apos|colon|sol|equals|plus|percnt);/gi, (_match, name: string) => HTML_NAMES[name.toLowerCase()] ?? '');
}

const HTML_NAMES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", colon: ':', sol: '/', equals: '=', plus: '+', percnt: '%' };
