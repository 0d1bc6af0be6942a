import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { GatewayConfig } from '../../src/config.js';
import { hashApiKey } from '../../src/auth/hashApiKey.js';
import { DEFAULT_MUTATION_RATE_LIMITS } from '../../src/tenancy/MutationRateLimits.js';
import { MAIN_PROJECT_ENTRY, newApiKey, SECOND_PROJECT_ENTRY, TENANT_CREDENTIALS_ENV, writeTenantsFile } from '../support/startTenantGateway.js';

const files: Array<{ remove(): void }> = [];
afterEach(() => files.splice(0).forEach((file) => file.remove()));

function tenantsFile(document: unknown, format: 'json' | 'yaml' = 'json'): string {
  const file = writeTenantsFile(document, format);
  files.push(file);
  return file.path;
}

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const apiKey = newApiKey();
const VALID = {
  tenants: [
    { id: 'acme', apiKeys: [{ id: 'acme-2026-01', sha256: apiKey.sha256 }], projects: [MAIN_PROJECT_ENTRY, SECOND_PROJECT_ENTRY], rateLimits: { rentAnyNumber: { requests: 2, perSeconds: 30 } } },
  ],
};

describe('Configuration: GATEWAY_AUTH', () => {
  it('refuses to start in production when GATEWAY_AUTH is not set', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContainEqual(expect.stringMatching(/^GATEWAY_AUTH: must be set in production/));
  });

  it('starts in production with GATEWAY_AUTH=none chosen on purpose, and defaults to none elsewhere', () => {
    expect(loadConfig({ NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true' }).auth).toEqual({ mode: 'none' });
    expect(loadConfig({}).auth).toEqual({ mode: 'none' });
  });

  it('rejects an unknown mode', () => {
    expect(problemsOf({ GATEWAY_AUTH: 'basic' })).toContainEqual('GATEWAY_AUTH: must be none, apiKey or jwt');
  });

  it('needs a tenants file with apiKey, and the issuer, audience and JWKS URL with jwt, listing every missing one', () => {
    expect(problemsOf({ GATEWAY_AUTH: 'apiKey' })).toContainEqual('GATEWAY_TENANTS_FILE: is required with GATEWAY_AUTH=apiKey');
    expect(problemsOf({ GATEWAY_AUTH: 'jwt' })).toEqual([
      'GATEWAY_TENANTS_FILE: is required with GATEWAY_AUTH=jwt',
      'GATEWAY_JWT_ISSUER: is required with GATEWAY_AUTH=jwt',
      'GATEWAY_JWT_AUDIENCE: is required with GATEWAY_AUTH=jwt',
      'GATEWAY_JWKS_URL: is required with GATEWAY_AUTH=jwt',
    ]);
  });

  it('needs an https JWKS URL in production', () => {
    const environment = {
      NODE_ENV: 'production', GATEWAY_AUTH: 'jwt', GATEWAY_TENANTS_FILE: tenantsFile(VALID), GATEWAY_JWT_ISSUER: 'https://id.example.com/',
      GATEWAY_JWT_AUDIENCE: 'sinch-gateway', GATEWAY_JWKS_URL: 'http://id.example.com/jwks.json', SINCH_SIMULATOR: 'true', ...TENANT_CREDENTIALS_ENV,
    };
    expect(problemsOf(environment)).toEqual(['GATEWAY_JWKS_URL: must be https in production (the keys that sign every token come from there)']);
  });

  it('does not need SINCH_* with tenants, and never guesses the simulator from their absence', () => {
    const config = loadConfig({ GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: tenantsFile(VALID), ...TENANT_CREDENTIALS_ENV });
    expect(config.simulator).toBe(false);
    expect(config.sinch.projectId).toBeUndefined();
  });
});

describe('Configuration: the tenants file', () => {
  const load = (path: string, extra: Record<string, string> = {}) =>
    loadConfig({ GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: path, ...TENANT_CREDENTIALS_ENV, ...extra });

  it('reads JSON and YAML alike, resolving credentials from the environment variables it names', () => {
    const fromJson = load(tenantsFile(VALID, 'json'));
    const fromYaml = load(tenantsFile(VALID, 'yaml'));
    expect(fromYaml.auth).toEqual(fromJson.auth);
    const tenants = fromJson.auth.mode === 'apiKey' ? fromJson.auth.tenants : [];
    expect(tenants).toHaveLength(1);
    const [acme] = tenants as [NonNullable<(typeof tenants)[number]>];
    expect(acme.defaultProjectId).toBe(MAIN_PROJECT_ENTRY.projectId);
    expect(acme.apiKeys).toEqual([{ id: 'acme-2026-01', sha256: hashApiKey(apiKey.key) }]);
    expect(acme.projects.get(SECOND_PROJECT_ENTRY.projectId)?.credentials).toEqual({
      keyId: TENANT_CREDENTIALS_ENV['SECOND_PROJECT_KEY_ID'],
      keySecret: TENANT_CREDENTIALS_ENV['SECOND_PROJECT_KEY_SECRET'],
      applicationKey: undefined,
      applicationSecret: undefined,
    });
    expect(acme.rateLimits).toEqual({ ...DEFAULT_MUTATION_RATE_LIMITS, rentAnyNumber: { requests: 2, perSeconds: 30 } });
  });

  it('refuses secrets written into the file, naming the field and never quoting the value', () => {
    const path = tenantsFile({
      tenants: [{ id: 'acme', apiKeys: [{ id: 'k', key: 'the-raw-key-0123456789abcdef0123456789' }], projects: [{ ...MAIN_PROJECT_ENTRY, keySecret: 'SimulatorKeySecret-3f9c2a7b5d1e', keySecretEnv: 'c2VjcmV0LXZhbHVlLWluLWJhc2U2NA==' }] }],
    });
    const problems = problemsOf({ GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: path, ...TENANT_CREDENTIALS_ENV });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/tenants\[0\]\.apiKeys\[0\]\.key: secrets do not belong in the tenants file/),
        expect.stringMatching(/tenants\[0\]\.projects\[0\]\.keySecret: secrets do not belong in the tenants file/),
        expect.stringMatching(/tenants\[0\]\.projects\[0\]\.keySecretEnv: must be the NAME of an environment variable/),
      ]),
    );
    expect(problems.join('\n')).not.toMatch(/SimulatorKeySecret|the-raw-key|c2VjcmV0/);
  });

  it('lists every problem at once: digests, unset variables, unknown default project, duplicates, keyless tenants', () => {
    const path = tenantsFile({
      tenants: [
        { id: 'acme', apiKeys: [{ id: 'k1', sha256: 'abc' }], defaultProjectId: 'not-listed', projects: [{ ...MAIN_PROJECT_ENTRY, keyIdEnv: 'UNSET_KEY_ID' }] },
        { id: 'acme', projects: [SECOND_PROJECT_ENTRY] },
      ],
    });
    expect(problemsOf({ GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: path, ...TENANT_CREDENTIALS_ENV })).toEqual([
      'GATEWAY_TENANTS_FILE: tenants[0].apiKeys[0].sha256: must be the SHA-256 of the key as 64 hex digits, never the key itself',
    ]);
    const second = tenantsFile({
      tenants: [
        { id: 'acme', apiKeys: [{ id: 'k1', sha256: apiKey.sha256 }], defaultProjectId: 'not-listed', projects: [{ ...MAIN_PROJECT_ENTRY, keyIdEnv: 'UNSET_KEY_ID' }] },
        { id: 'acme', projects: [SECOND_PROJECT_ENTRY] },
      ],
    });
    expect(problemsOf({ GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: second, ...TENANT_CREDENTIALS_ENV })).toEqual([
      'GATEWAY_TENANTS_FILE: tenants[0].projects[0].keyIdEnv: the environment variable UNSET_KEY_ID is not set',
      "GATEWAY_TENANTS_FILE: tenants[0].defaultProjectId: must be one of the tenant's projects",
      'GATEWAY_TENANTS_FILE: tenants[1].apiKeys: GATEWAY_AUTH=apiKey needs at least one key per tenant',
      'GATEWAY_TENANTS_FILE: 1 duplicate tenant id: acme',
    ]);
  });

  it('reports an unreadable, unparsable or unknown-format file', () => {
    expect(problemsOf({ GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: '/nonexistent/tenants.json' })).toContainEqual(
      'GATEWAY_TENANTS_FILE: cannot read /nonexistent/tenants.json: ENOENT',
    );
    const broken = writeTenantsFile({}, 'json');
    files.push(broken);
    writeFileSync(broken.path, '{ "tenants": [');
    expect(problemsOf({ GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: broken.path })).toContainEqual(`GATEWAY_TENANTS_FILE: ${broken.path} is not valid JSON`);
    expect(problemsOf({ GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: broken.path.replace(/\.json$/, '.toml') })).toContainEqual(
      expect.stringMatching(/GATEWAY_TENANTS_FILE: .*tenants\.toml must end in \.json, \.yaml or \.yml/),
    );
    const scalar = writeTenantsFile('just a string', 'yaml');
    files.push(scalar);
    expect(problemsOf({ GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: scalar.path })).toContainEqual(expect.stringMatching(/^GATEWAY_TENANTS_FILE: file: /));
  });

  it('keeps the config of a valid file free of problems', () => {
    const config: GatewayConfig = load(tenantsFile(VALID));
    expect(config.auth.mode).toBe('apiKey');
  });
});
