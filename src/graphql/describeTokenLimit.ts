import { Lexer, Source, TokenKind } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';

/** graphql-js's own wording, typo included ("more that"), and the one it may be corrected to. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens\. Parsing aborted\.$/;

/**
 * graphql-js stops parsing past `maxTokens` (`GRAPHQL_MAX_TOKENS`) with "Document contains more
 * that N tokens": a message with a typo, and none of the `reason`, `limit` and `found` the other
 * limits give. This is that refusal described like the others; `found` counts the document's
 * tokens (the lexer alone, no parse: linear, and the body is already capped by
 * GRAPHQL_MAX_REQUEST_BYTES). Any other error is returned as it is.
 */
export function describeTokenLimit(formatted: GraphQLFormattedError, body: string | undefined): GraphQLFormattedError {
  const match = TOKEN_LIMIT.exec(formatted.message);
  if (match === null) return formatted;
  const limit = Number(match[1]);
  const found = body === undefined ? undefined : countTokens(body);
  return {
    ...formatted,
    message: `The document has ${found === undefined ? 'more than' : found} tokens; at most ${limit} are allowed (GRAPHQL_MAX_TOKENS). Nothing was executed.`,
    extensions: { ...formatted.extensions, reason: 'MAX_TOKENS_EXCEEDED', limit, ...(found === undefined ? {} : { found }) },
  };
}

function countTokens(body: string): number | undefined {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A character the lexer refuses further on: the count so far is still past the limit.
  }
  return count;
}
