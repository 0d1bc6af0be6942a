import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from './scenarios.js';

/** The scenarios also measured as trusted documents: those the per-request cost targets name (issue: a trusted document costs close to the floor). */
export const TRUSTED_SCENARIO_KEYS: readonly string[] = ['a', 'b', 'e'];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Writes the manifest a frontend would ship for these scenarios (GraphQL Code Generator's
 * client-preset `persisted-documents.json`, sha256 ids) and returns its path.
 */
export function writeBenchManifest(scenarios: readonly Scenario[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'bench-trusted-documents-'));
  const path = join(directory, 'persisted-documents.json');
  writeFileSync(path, JSON.stringify(Object.fromEntries(scenarios.map((scenario) => [sha256(scenario.document), scenario.document]))));
  return path;
}

const trustedBodies = new Map<string, string>();

/**
 * The request a client of the manifest sends for a scenario's request: the document's id and the
 * same variables, no document text (`{"documentId": "<sha256>", "variables": {...}}`).
 */
export function trustedBodyOf(gatewayBody: string): string {
  let body = trustedBodies.get(gatewayBody);
  if (body === undefined) {
    const { query, variables } = JSON.parse(gatewayBody) as { query: string; variables?: unknown };
    body = JSON.stringify({ documentId: sha256(query), variables });
    // The mutation's pool is a few hundred bodies; nothing else varies.
    if (trustedBodies.size < 10_000) trustedBodies.set(gatewayBody, body);
  }
  return body;
}
