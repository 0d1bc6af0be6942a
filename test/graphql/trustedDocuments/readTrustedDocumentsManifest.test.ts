import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { readTrustedDocumentsManifest } from '../../../src/graphql/trustedDocuments/readTrustedDocumentsManifest.js';
import { apolloManifest, clientPresetManifest, NUMBER_QUERY, NUMBERS_QUERY, sha256, writeManifest } from './manifestFiles.js';

describe('Trusted documents: reading the manifest', () => {
  it("reads Apollo's persisted-query manifest", () => {
    const path = writeManifest(apolloManifest([{ name: 'Number', type: 'query', body: NUMBER_QUERY }]));
    expect(readTrustedDocumentsManifest(path)).toEqual({ entries: [{ id: sha256(NUMBER_QUERY), name: 'Number', type: 'query', body: NUMBER_QUERY }], problems: [] });
  });

  it("reads the client-preset's persisted-documents.json, with or without the sha256: prefix, in any hex case", () => {
    const path = writeManifest({ [sha256(NUMBER_QUERY)]: NUMBER_QUERY, [`sha256:${sha256(NUMBERS_QUERY).toUpperCase()}`]: NUMBERS_QUERY });
    const result = readTrustedDocumentsManifest(path);
    expect(result.entries?.map((entry) => entry.id)).toEqual([sha256(NUMBER_QUERY), sha256(NUMBERS_QUERY)]);
  });

  it('refuses an id that is not the sha256 of its body, naming the operation and the right hash', () => {
    const sha1 = createHash('sha1').update(NUMBER_QUERY).digest('hex');
    const path = writeManifest({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256('something else'), name: 'Number', type: 'query', body: NUMBER_QUERY }] });
    const result = readTrustedDocumentsManifest(path);
    expect(result.entries).toBeUndefined();
    expect(result.problems).toEqual([expect.stringContaining(`operation Number (${sha256('something else')}): the id is not the sha256 of the body (sha256 is ${sha256(NUMBER_QUERY)})`)]);
    // A sha1 manifest (the client-preset's default algorithm) is not a sha256 one.
    expect(readTrustedDocumentsManifest(writeManifest({ [sha1]: NUMBER_QUERY })).problems).toEqual([expect.stringContaining('a key must be a sha256 in hex')]);
  });

  it('lists every problem of a malformed manifest and never quotes a document', () => {
    const secretLooking = 'query { number(phoneNumber: "+15550000000") { phoneNumber } }';
    const path = writeManifest({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(secretLooking), name: 'X', type: 'fetch', body: secretLooking }, { name: 'Y' }, 'nothing'],
    });
    const result = readTrustedDocumentsManifest(path);
    expect(result.problems).toEqual([
      'operations[0]: type must be query, mutation or subscription',
      'operations[1]: id, body must be a string',
      'operations[2] must be an object with id, name, type and body',
    ]);
    expect(result.problems.join('\n')).not.toContain('+15550000000');
  });

  it('refuses a file that cannot be read, is not JSON, has the wrong format or version, or allows nothing', () => {
    expect(readTrustedDocumentsManifest('/nonexistent/manifest.json').problems).toEqual(['cannot read /nonexistent/manifest.json: ENOENT']);
    expect(readTrustedDocumentsManifest(writeManifest('{"a":')).problems).toEqual([expect.stringMatching(/is not valid JSON$/)]);
    expect(readTrustedDocumentsManifest(writeManifest('[]')).problems).toEqual([expect.stringContaining('must be a JSON object')]);
    expect(readTrustedDocumentsManifest(writeManifest({ format: 'apollo-persisted-query-manifest', version: 2, operations: [] })).problems).toEqual([
      'an Apollo manifest must have "format": "apollo-persisted-query-manifest" and "version": 1',
    ]);
    expect(readTrustedDocumentsManifest(writeManifest({})).problems).toEqual([expect.stringContaining('holds no operation')]);
  });

  it('stops the gateway at start-up with the problem, through loadConfig', () => {
    const path = writeManifest({ [sha256('other')]: NUMBER_QUERY });
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: path })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: path })).toThrow(/GRAPHQL_TRUSTED_DOCUMENTS: .*the id is not the sha256 of the body/);
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS_ONLY: 'true' })).toThrow(/GRAPHQL_TRUSTED_DOCUMENTS_ONLY: needs GRAPHQL_TRUSTED_DOCUMENTS/);
  });

  it('runs only trusted documents by default in production, and not by default elsewhere', () => {
    const path = writeManifest(clientPresetManifest([NUMBER_QUERY]));
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: path, NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true' }).graphql.trustedDocuments?.only).toBe(true);
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: path }).graphql.trustedDocuments?.only).toBe(false);
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: path, GRAPHQL_TRUSTED_DOCUMENTS_ONLY: 'true' }).graphql.trustedDocuments?.only).toBe(true);
    expect(loadConfig({}).graphql.trustedDocuments).toBeUndefined();
  });
});
