import type { DocumentStore } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { TrustedDocuments } from './TrustedDocuments.js';

/** Apollo Server's own default for its document store: 30 MiB of parsed documents. */
const MAX_BYTES = 30 * 1024 * 1024;

/**
 * Apollo Server's document store, with the manifest's operations in it for good.
 *
 * Apollo looks a request's document up in this store by `<schema hash>:<sha256 of the query
 * text>` before it parses, and skips parsing and validation on a hit. A trusted operation's id is
 * the sha256 of its text, so every request naming one gets the `DocumentNode` prepared at
 * start-up: never parsed or validated again, never evicted, and the same object compiled
 * execution pins its compiled form to. Other documents (allowed when arbitrary documents are)
 * are kept as Apollo keeps them, in an LRU sized like Apollo's.
 */
export function trustedDocumentStore(documents: TrustedDocuments): DocumentStore {
  const others = new LRUCache<string, DocumentNode>({ maxSize: MAX_BYTES, sizeCalculation: (document) => Buffer.byteLength(JSON.stringify(document), 'utf8') || 1 });
  const trustedOf = (key: string) => documents.withId(key.slice(key.lastIndexOf(':') + 1));
  return {
    async get(key) {
      return trustedOf(key)?.document ?? others.get(key);
    },
    async set(key, document) {
      if (trustedOf(key) === undefined) others.set(key, document);
    },
    async delete(key) {
      others.delete(key);
      return true;
    },
  };
}
