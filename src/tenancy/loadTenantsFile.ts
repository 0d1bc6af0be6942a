import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { DEFAULT_MUTATION_RATE_LIMITS, RATE_LIMITED_FIELDS } from './MutationRateLimits.js';
import type { MutationRateLimits } from './MutationRateLimits.js';
import type { Tenant, TenantProject } from './Tenant.js';
import { tenantsFileSchema } from './tenantsFileSchema.js';
import type { ProjectEntry, TenantEntry } from './tenantsFileSchema.js';

export interface TenantsFileOptions {
  path: string;
  /** Where the `*Env` fields are looked up: the same environment `loadConfig` reads. */
  environment: Record<string, string>;
  /** `apiKey` mode needs every tenant to have a key; `jwt` mode needs none. */
  requireApiKeys: boolean;
}

export type TenantsFileResult = { tenants: Tenant[]; problems: [] } | { tenants: undefined; problems: string[] };

/** Field names that can only mean a secret was pasted into the file instead of named. */
const SECRET_FIELD = /secret|password|token|^(api)?key$|^keyId$|^applicationKey$/i;

/**
 * Reads, parses (JSON or YAML, by extension) and validates the tenants file, then resolves the
 * environment variables it names. Like `loadConfig`, it collects every problem before failing,
 * and a problem never quotes a value: the value might be a secret in the wrong place.
 */
export function loadTenantsFile(options: TenantsFileOptions): TenantsFileResult {
  const read = readDocument(options.path);
  if ('problem' in read) {
    return { tenants: undefined, problems: [read.problem] };
  }
  const parsed = tenantsFileSchema.safeParse(read.document);
  if (!parsed.success) {
    return { tenants: undefined, problems: parsed.error.issues.map(describeIssue) };
  }
  const problems: string[] = [];
  const tenants = parsed.data.tenants.map((entry, index) => toTenant(entry, `tenants[${index}]`, options, problems));
  problems.push(...duplicates(tenants.map((tenant) => tenant.id), 'tenant id'));
  problems.push(...duplicates(tenants.flatMap((tenant) => tenant.apiKeys.map((key) => key.sha256.toString('hex'))), 'API key digest (a key must belong to one tenant)'));
  return problems.length === 0 ? { tenants, problems: [] } : { tenants: undefined, problems };
}

function readDocument(path: string): { document: unknown } | { problem: string } {
  const extension = extname(path).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(extension)) {
    return { problem: `${path} must end in .json, .yaml or .yml` };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { problem: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}` };
  }
  try {
    return { document: extension === '.json' ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown) };
  } catch {
    // Not the parser's message: it quotes the offending line, which may hold a pasted secret.
    return { problem: `${path} is not valid ${extension === '.json' ? 'JSON' : 'YAML'}` };
  }
}

function toTenant(entry: TenantEntry, place: string, options: TenantsFileOptions, problems: string[]): Tenant {
  const projects = new Map<string, TenantProject>();
  entry.projects.forEach((project, index) => {
    if (projects.has(project.projectId)) problems.push(`${place}.projects[${index}].projectId: the project is listed twice`);
    projects.set(project.projectId, { projectId: project.projectId, credentials: resolveCredentials(project, `${place}.projects[${index}]`, options.environment, problems) });
  });
  const defaultProjectId = entry.defaultProjectId ?? entry.projects[0]?.projectId ?? '';
  if (!projects.has(defaultProjectId)) problems.push(`${place}.defaultProjectId: must be one of the tenant's projects`);
  if (options.requireApiKeys && entry.apiKeys.length === 0) problems.push(`${place}.apiKeys: GATEWAY_AUTH=apiKey needs at least one key per tenant`);
  const rateLimits = Object.fromEntries(
    RATE_LIMITED_FIELDS.map((name) => [name, entry.rateLimits[name] ?? DEFAULT_MUTATION_RATE_LIMITS[name]]),
  ) as MutationRateLimits;
  return {
    id: entry.id,
    apiKeys: entry.apiKeys.map((key) => ({ id: key.id, sha256: Buffer.from(key.sha256, 'hex') })),
    defaultProjectId,
    projects,
    rateLimits,
  };
}

function resolveCredentials(project: ProjectEntry, place: string, environment: Record<string, string>, problems: string[]): TenantProject['credentials'] {
  const read = (field: keyof ProjectEntry, name: string | undefined): string | undefined => {
    if (name === undefined) return undefined;
    const value = environment[name];
    if (value === undefined) problems.push(`${place}.${field}: the environment variable ${name} is not set`);
    return value;
  };
  const applicationKey = read('applicationKeyEnv', project.applicationKeyEnv);
  const applicationSecret = read('applicationSecretEnv', project.applicationSecretEnv);
  if ((project.applicationKeyEnv === undefined) !== (project.applicationSecretEnv === undefined)) {
    problems.push(`${place}: applicationKeyEnv and applicationSecretEnv must be given together`);
  }
  if (applicationSecret !== undefined && !/^[A-Za-z0-9+/]+={0,2}$/.test(applicationSecret)) {
    problems.push(`${place}.applicationSecretEnv: ${project.applicationSecretEnv ?? ''} must hold the base64 application secret shown in the Sinch dashboard`);
  }
  return {
    keyId: read('keyIdEnv', project.keyIdEnv) ?? '',
    keySecret: read('keySecretEnv', project.keySecretEnv) ?? '',
    applicationKey,
    applicationSecret,
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const place = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) =>
        SECRET_FIELD.test(key)
          ? `${place}${place === '' ? '' : '.'}${key}: secrets do not belong in the tenants file; name the environment variable that holds it (for example ${key}Env)`
          : `${place}${place === '' ? '' : '.'}${key}: unknown field`,
      )
      .join('; ');
  }
  return `${place === '' ? 'file' : place}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

function duplicates(values: string[], what: string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  // A digest is not a secret, but it is not worth printing either: the count says enough.
  return repeated.size === 0 ? [] : [`${repeated.size} duplicate ${what}${what.includes('digest') ? '' : `: ${[...repeated].join(', ')}`}`];
}
