import { createHash } from 'node:crypto';
import { print, visit } from 'graphql';
import type { DocumentNode } from 'graphql';

export interface DocumentHash {
  sha256: string;
  hashed: 'exact' | 'literals_masked';
}

/**
 * The SHA-256 of a GraphQL document, for `graphql.document.sha256`: operators group and look up
 * operations by it (it is Apollo Server's query hash, and the id of a persisted document).
 *
 * A hash of a short secret is no secret: a document that writes a one-time code or a phone number
 * as a string literal (`reportVerification(… code: "123456")`) could be recovered by hashing
 * every candidate. Such a document (any string literal at all) is hashed with its string literals
 * blanked instead, and says so (`graphql.document.hashed = literals_masked`); documents that pass
 * their values as variables, as applications do, keep the exact hash. `queryHash` is Apollo's
 * hash of the exact text, reused when it applies.
 */
export function documentHash(text: string, document: DocumentNode, queryHash: string | undefined): DocumentHash {
  if (!text.includes('"')) {
    return { sha256: queryHash ?? sha256(text), hashed: 'exact' };
  }
  let hasString = false;
  const masked = visit(document, {
    StringValue: (node) => {
      hasString = true;
      return { ...node, value: '', block: false };
    },
  });
  if (!hasString) return { sha256: queryHash ?? sha256(text), hashed: 'exact' };
  return { sha256: sha256(print(masked)), hashed: 'literals_masked' };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
