/**
 * Every secret the gateway holds, in a form that finds any piece of one in a text: the Sinch key
 * secrets and application secrets of every project, callback secrets, and the current and recent
 * OAuth access tokens of every token provider. `UpstreamTextScrubber` asks it about every string
 * an upstream sent before that string is kept on an error.
 *
 * A secret is remembered as its fragments: every run of `FRAGMENT_LENGTH` consecutive characters.
 * A text that contains any fragment contains at least that much of a secret, so a secret cut in
 * two (half in a message, half in a reference) or truncated is still found; a run shorter than a
 * fragment is too short to be worth anything to an attacker, and long enough that ordinary words
 * do not collide with random secrets. Secrets shorter than a fragment are matched whole. Letter
 * case is ignored: an echo that upper-cases what it quotes still quotes the secret.
 *
 * Bounded: each token history keeps its last few tokens, and all histories together at most
 * `MAX_TOKENS`; configured secrets are few and fixed.
 */
export class KnownSecrets {
  static readonly FRAGMENT_LENGTH = 8;
  /** Shorter secrets are not secrets (a one-character "secret" would match every text). */
  static readonly MIN_SECRET_LENGTH = 4;
  /** Remembered tokens across every history; the oldest are forgotten first. */
  static readonly MAX_TOKENS = 1_024;

  readonly #fragments = new Map<string, number>();
  readonly #whole = new Map<string, number>();
  readonly #tokens: Array<{ token: string; history: object }> = [];
  #shortestWhole = Infinity;

  /** Remembers a secret for the life of the process (configuration secrets). */
  add(secret: string | undefined): void {
    if (secret !== undefined) this.#count(secret, 1);
  }

  /**
   * An access key: its secret, and the Basic credentials made of it (`keyId:keySecret` in
   * base64), whose every piece is a credential even where it encodes only the key id. The key id
   * alone is not a secret (it names the key, like a user name).
   */
  addAccessKey(keyId: string | undefined, keySecret: string | undefined): void {
    this.add(keySecret);
    if (keyId === undefined || keySecret === undefined) return;
    const pair = Buffer.from(`${keyId}:${keySecret}`);
    this.add(pair.toString('base64'));
    this.add(pair.toString('base64url'));
  }

  /**
   * A history of one token provider's tokens: `remember` is called with every new token; the last
   * `keep` stay known (a token just replaced may still be echoed by a request sent before).
   */
  tokenHistory(keep = 3): TokenHistory {
    const history = {};
    return {
      remember: (token) => {
        if (this.#tokens.some((entry) => entry.history === history && entry.token === token)) return;
        this.#tokens.push({ token, history });
        this.#count(token, 1);
        const own = this.#tokens.filter((entry) => entry.history === history);
        if (own.length > keep && own[0] !== undefined) this.#forget(own[0]);
        if (this.#tokens.length > KnownSecrets.MAX_TOKENS && this.#tokens[0] !== undefined) this.#forget(this.#tokens[0]);
      },
    };
  }

  /** Whether `text` contains a fragment of a known secret (or all of a short one). */
  appearsIn(text: string): boolean {
    const length = KnownSecrets.FRAGMENT_LENGTH;
    const folded = text.toLowerCase();
    if (this.#fragments.size > 0) {
      for (let start = 0; start + length <= folded.length; start++) {
        if (this.#fragments.has(folded.slice(start, start + length))) return true;
      }
    }
    if (this.#whole.size > 0 && folded.length >= this.#shortestWhole) {
      for (const secret of this.#whole.keys()) {
        if (folded.includes(secret)) return true;
      }
    }
    return false;
  }

  #forget(entry: { token: string; history: object }): void {
    this.#tokens.splice(this.#tokens.indexOf(entry), 1);
    this.#count(entry.token, -1);
  }

  #count(original: string, delta: 1 | -1): void {
    const secret = original.toLowerCase();
    if (secret.length < KnownSecrets.MIN_SECRET_LENGTH) return;
    if (secret.length < KnownSecrets.FRAGMENT_LENGTH) {
      adjust(this.#whole, secret, delta);
      this.#shortestWhole = Math.min(Infinity, ...[...this.#whole.keys()].map((each) => each.length));
      return;
    }
    const seen = new Set<string>();
    for (let start = 0; start + KnownSecrets.FRAGMENT_LENGTH <= secret.length; start++) {
      const fragment = secret.slice(start, start + KnownSecrets.FRAGMENT_LENGTH);
      if (seen.has(fragment)) continue;
      seen.add(fragment);
      adjust(this.#fragments, fragment, delta);
    }
  }
}

export interface TokenHistory {
  remember(token: string): void;
}

function adjust(counts: Map<string, number>, key: string, delta: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
