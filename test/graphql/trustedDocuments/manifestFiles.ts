import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const NUMBER_QUERY = 'query Number($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber displayName } }';
export const NUMBERS_QUERY = 'query Numbers { numbers(first: 2) { totalCount nodes { phoneNumber } } }';
export const FOLLOW_SUBSCRIPTION = 'subscription Follow($phoneNumber: PhoneNumber!) { numberProvisioningChanged(phoneNumber: $phoneNumber) { source status } }';
export const RENAME_MUTATION = 'mutation Rename($phoneNumber: PhoneNumber!) { updateNumber(input: { phoneNumber: $phoneNumber, displayName: "Trusted" }) { phoneNumber displayName } }';

const directory = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
let files = 0;

/** Writes `content` (JSON unless a string) to a fresh file and returns its path. */
export function writeManifest(content: unknown): string {
  files += 1;
  const path = join(directory, `manifest-${files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** An Apollo persisted-query manifest of these operations. */
export function apolloManifest(bodies: Array<{ name: string; type: 'query' | 'mutation' | 'subscription'; body: string }>): unknown {
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: bodies.map((operation) => ({ id: sha256(operation.body), ...operation })) };
}

/** A client-preset persisted-documents.json of these documents. */
export function clientPresetManifest(bodies: string[]): Record<string, string> {
  return Object.fromEntries(bodies.map((body) => [sha256(body), body]));
}
