import { z } from 'zod';
import { RATE_LIMITED_FIELDS } from './MutationRateLimits.js';
import type { RateLimitedMutation } from './MutationRateLimits.js';

/**
 * The shape of `GATEWAY_TENANTS_FILE` (docs/security.md). Every object is strict: an unknown
 * field is an error, which is also what keeps secrets out (a `keySecret` next to `keySecretEnv`
 * is refused by name in `loadTenantsFile`). Cross-field rules live in `loadTenantsFile`.
 */

/** The same rule the upstream clients apply to a project id in a path. */
export const PROJECT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

const environmentVariableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, {
    message: 'must be the NAME of an environment variable (such as TENANT_A_KEY_SECRET); the tenants file never holds the secret itself',
  });

const projectSchema = z.strictObject({
  projectId: z.string().regex(PROJECT_ID_PATTERN, { message: 'must be a Sinch project id (letters, digits and dashes)' }),
  keyIdEnv: environmentVariableName,
  keySecretEnv: environmentVariableName,
  applicationKeyEnv: environmentVariableName.optional(),
  applicationSecretEnv: environmentVariableName.optional(),
});

const rateLimitSchema = z.strictObject({
  requests: z.number().int().positive().max(100_000),
  perSeconds: z.number().int().positive().max(86_400),
});

const rateLimitsSchema = z.strictObject(
  Object.fromEntries(RATE_LIMITED_FIELDS.map((name) => [name, rateLimitSchema.optional()])) as Record<
    RateLimitedMutation,
    z.ZodOptional<typeof rateLimitSchema>
  >,
);

const apiKeySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'must be a short name for the key (letters, digits, . _ -)' }),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, { message: 'must be the SHA-256 of the key as 64 hex digits, never the key itself' }),
});

const tenantSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'must be 1 to 64 letters, digits, . _ - (it is matched against the JWT tenant claim)' }),
  apiKeys: z.array(apiKeySchema).default([]),
  defaultProjectId: z.string().optional(),
  projects: z.array(projectSchema).min(1, { message: 'a tenant needs at least one project' }),
  rateLimits: rateLimitsSchema.default({}),
});

export const tenantsFileSchema = z.strictObject({
  tenants: z.array(tenantSchema).min(1, { message: 'list at least one tenant' }),
});

export type TenantsFile = z.infer<typeof tenantsFileSchema>;
export type TenantEntry = TenantsFile['tenants'][number];
export type ProjectEntry = TenantEntry['projects'][number];
