import { normalizedId } from './readTrustedDocumentsManifest.js';
import type { TrustedDocument, TrustedDocuments } from './TrustedDocuments.js';

/** What one GraphQL request carries, as the transport received it (nothing trusted yet). */
export interface OperationRequest {
  query: unknown;
  /** The GraphQL-over-HTTP persisted-documents field (client-preset). */
  documentId: unknown;
  /** `extensions.persistedQuery.sha256Hash`: Apollo Client's persisted-queries link. */
  extensions: unknown;
}

export type TrustedOperationDecision =
  /** Run this manifest operation (whatever `query` the request sent, it is this body or absent). */
  | { kind: 'trusted'; document: TrustedDocument }
  /** Not a manifest operation, and arbitrary documents are allowed: Apollo handles it (APQ included). */
  | { kind: 'open' }
  | { kind: 'refused'; code: TrustedDocumentsRefusalCode; message: string };

export type TrustedDocumentsRefusalCode = 'PERSISTED_QUERY_NOT_IN_LIST' | 'QUERY_NOT_IN_SAFELIST' | 'BAD_REQUEST';

export interface TrustedOperationPolicy {
  documents: TrustedDocuments;
  /** Only manifest operations run (production's default); otherwise others run too. */
  only: boolean;
}

/**
 * Decides what one request runs. The same function decides for HTTP GET and POST (each
 * operation of a batch), and for every WebSocket subscription, so the transports cannot
 * disagree. With `only`:
 *
 * - an id (`documentId`, or `extensions.persistedQuery.sha256Hash`) of the manifest runs its
 *   operation; an id that is not in it is `PERSISTED_QUERY_NOT_IN_LIST`, which also refuses an APQ
 *   registration (id and document of an operation the manifest does not hold);
 * - a document sent as text runs when it is, byte for byte, a manifest operation; otherwise it is
 *   `QUERY_NOT_IN_SAFELIST`.
 *
 * Without `only`, manifest ids still resolve and anything else is Apollo's (including APQ); a
 * `documentId` that is not in the manifest is refused in every mode, since nothing else could
 * resolve it. In every mode, an id sent with a document that is not that id's operation is
 * refused: the client is confused or trying something.
 */
export function resolveTrustedOperation(request: OperationRequest, policy: TrustedOperationPolicy): TrustedOperationDecision {
  const { documentId } = request;
  const persistedQuery = isRecord(request.extensions) ? request.extensions['persistedQuery'] : undefined;
  const sha256Hash = isRecord(persistedQuery) ? persistedQuery['sha256Hash'] : undefined;
  const query = typeof request.query === 'string' && request.query !== '' ? request.query : undefined;
  if (documentId !== undefined && documentId !== null && typeof documentId !== 'string') {
    return refused('BAD_REQUEST', '`documentId` must be a string: the sha256 of a trusted document, optionally prefixed sha256:.');
  }
  if (persistedQuery !== undefined && persistedQuery !== null && typeof sha256Hash !== 'string') {
    return refused('BAD_REQUEST', '`extensions.persistedQuery.sha256Hash` must be a string.');
  }
  const ids = [documentId, sha256Hash].filter((id): id is string => typeof id === 'string');
  if (ids.length === 2 && normalizedId(ids[0] ?? '') !== normalizedId(ids[1] ?? '')) {
    return refused('BAD_REQUEST', '`documentId` and `extensions.persistedQuery.sha256Hash` name different documents.');
  }
  const [id] = ids;
  if (id !== undefined) {
    const normalized = normalizedId(id);
    const document = normalized === undefined ? undefined : policy.documents.withId(normalized);
    if (document !== undefined) {
      if (query !== undefined && query !== document.body) {
        return refused('QUERY_NOT_IN_SAFELIST', 'The document sent with this id is not the trusted document of that id.');
      }
      return { kind: 'trusted', document };
    }
    if (policy.only || typeof documentId === 'string') {
      return refused('PERSISTED_QUERY_NOT_IN_LIST', 'This id names no operation of the trusted-documents manifest: only the operations the frontends ship run here.');
    }
    return { kind: 'open' };
  }
  if (query !== undefined) {
    const document = policy.documents.withBody(query);
    if (document !== undefined) {
      return { kind: 'trusted', document };
    }
    if (policy.only) {
      return refused('QUERY_NOT_IN_SAFELIST', 'Only the operations of the trusted-documents manifest run here: send the id of one (documentId or extensions.persistedQuery.sha256Hash).');
    }
  }
  return { kind: 'open' };
}

function refused(code: TrustedDocumentsRefusalCode, message: string): TrustedOperationDecision {
  return { kind: 'refused', code, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
