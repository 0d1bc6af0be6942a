import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** One operation of a trusted-documents manifest, as the file gives it. */
export interface ManifestEntry {
  /** The sha256 of `body`, lowercase hex (a `sha256:` prefix in the file is dropped). */
  id: string;
  /** What the Apollo manifest says the operation is called and is; the client-preset format says neither. */
  name?: string;
  type?: 'query' | 'mutation' | 'subscription';
  body: string;
}

export type ManifestReadResult = { entries: ManifestEntry[]; problems: [] } | { entries: undefined; problems: string[] };

const SHA256_HEX = /^[0-9a-f]{64}$/;
const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);

/**
 * Reads the trusted-documents manifest (`GRAPHQL_TRUSTED_DOCUMENTS`) in either of the two formats
 * frontends produce:
 *
 * - Apollo's persisted-query manifest (`@apollo/generate-persisted-query-manifest`):
 *   `{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id","name","type","body"}]}`;
 * - GraphQL Code Generator's client-preset `persisted-documents.json`: `{"<hash>": "<document>"}`.
 *
 * Every id must be the sha256 of its body (hex, optionally prefixed `sha256:`): the gateway runs a
 * document by its hash, and a manifest whose ids are not the hashes of what they name (sha1, a
 * hand-edited body) would run something other than what the frontend shipped. Like `loadConfig`,
 * every problem is collected; none quotes a document.
 */
export function readTrustedDocumentsManifest(path: string): ManifestReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { entries: undefined, problems: [code === undefined ? `${path} is not valid JSON` : `cannot read ${path}: ${code}`] };
  }
  if (!isRecord(parsed)) {
    return { entries: undefined, problems: [`${path} must be a JSON object: an Apollo persisted-query manifest or a client-preset persisted-documents.json`] };
  }
  const problems: string[] = [];
  const entries = 'format' in parsed || 'operations' in parsed ? apolloEntries(parsed, problems) : clientPresetEntries(parsed, problems);
  if (problems.length === 0 && entries.length === 0) {
    problems.push(`${path} holds no operation: a manifest that allows nothing would refuse every request`);
  }
  for (const entry of entries) {
    const digest = createHash('sha256').update(entry.body).digest('hex');
    if (digest !== entry.id) {
      problems.push(`${describe(entry)}: the id is not the sha256 of the body (sha256 is ${digest}); generate the manifest with sha256 (client-preset: persistedDocuments.hashAlgorithm 'sha256')`);
    }
  }
  return problems.length === 0 ? { entries: dedupe(entries), problems: [] } : { entries: undefined, problems };
}

function apolloEntries(manifest: Record<string, unknown>, problems: string[]): ManifestEntry[] {
  if (manifest['format'] !== 'apollo-persisted-query-manifest' || manifest['version'] !== 1) {
    problems.push('an Apollo manifest must have "format": "apollo-persisted-query-manifest" and "version": 1');
    return [];
  }
  const operations = manifest['operations'];
  if (!Array.isArray(operations)) {
    problems.push('"operations" must be an array');
    return [];
  }
  const entries: ManifestEntry[] = [];
  operations.forEach((operation: unknown, index) => {
    const where = `operations[${index}]`;
    if (!isRecord(operation)) {
      problems.push(`${where} must be an object with id, name, type and body`);
      return;
    }
    const { id, name, type, body } = operation;
    const missing = [typeof id === 'string' ? '' : 'id', typeof name === 'string' ? '' : 'name', typeof body === 'string' ? '' : 'body'].filter(Boolean);
    if (missing.length > 0 || typeof id !== 'string' || typeof body !== 'string' || typeof name !== 'string') {
      problems.push(`${where}: ${missing.join(', ')} must be a string`);
      return;
    }
    if (typeof type !== 'string' || !OPERATION_TYPES.has(type)) {
      problems.push(`${where}: type must be query, mutation or subscription`);
      return;
    }
    const hash = normalizedId(id);
    if (hash === undefined) {
      problems.push(`${where}: id must be a sha256 in hex (64 characters, optionally prefixed sha256:)`);
      return;
    }
    entries.push({ id: hash, name, type: type as ManifestEntry['type'] & string, body });
  });
  return entries;
}

function clientPresetEntries(manifest: Record<string, unknown>, problems: string[]): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  for (const [key, body] of Object.entries(manifest)) {
    const hash = normalizedId(key);
    const where = `"${key.slice(0, 80)}"`;
    if (hash === undefined) {
      problems.push(`${where}: a key must be a sha256 in hex (64 characters, optionally prefixed sha256:)`);
    } else if (typeof body !== 'string') {
      problems.push(`${where}: the value must be the document's text`);
    } else {
      entries.push({ id: hash, body });
    }
  }
  return entries;
}

/**
 * The sha256 an id names, lowercase hex; undefined when it names none. `sha256:` is the prefix of
 * the GraphQL-over-HTTP persisted-documents proposal; a bare hash is what Apollo and the
 * client-preset write.
 */
export function normalizedId(id: string): string | undefined {
  const hash = (id.startsWith('sha256:') ? id.slice('sha256:'.length) : id).toLowerCase();
  return SHA256_HEX.test(hash) ? hash : undefined;
}

function describe(entry: ManifestEntry): string {
  return entry.name === undefined ? `operation ${entry.id}` : `operation ${entry.name} (${entry.id})`;
}

/** The same document listed twice (an id is its body's hash) is one operation. */
function dedupe(entries: ManifestEntry[]): ManifestEntry[] {
  const byId = new Map<string, ManifestEntry>();
  for (const entry of entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return [...byId.values()];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
