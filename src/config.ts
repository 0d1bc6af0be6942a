import { z } from 'zod';
import { loadTenantsFile } from './tenancy/loadTenantsFile.js';
import type { Tenant } from './tenancy/Tenant.js';
import type { PollingMode } from './provisioning/ProvisioningPoller.js';
import { readTracingConfig } from './observability/tracing/readTracingConfig.js';
import type { TracingConfig } from './observability/tracing/readTracingConfig.js';
import { readTrustedDocumentsManifest } from './graphql/trustedDocuments/readTrustedDocumentsManifest.js';
import type { ManifestEntry } from './graphql/trustedDocuments/readTrustedDocumentsManifest.js';
import type { SubscriptionLimits } from './tenancy/SubscriptionLimiter.js';

/**
 * The whole configuration of the gateway, read from the environment in this one place and
 * validated as a whole: a bad environment fails at start-up with every problem listed.
 * README.md documents each variable; a test keeps the two in sync.
 */
export interface GatewayConfig {
  host: string;
  port: number;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Run against the embedded simulator instead of Sinch. */
  simulator: boolean;
  /** Sinch variables that are set but replaced by the simulator's own values (main.ts warns about them). */
  ignoredBySimulator: string[];
  sinch: SinchConfig;
  upstream: UpstreamConfig;
  graphql: GraphQLConfig;
  /** How long in-flight requests may take to finish after SIGTERM before connections are cut. */
  shutdownGraceMs: number;
  /** What the HTTP server allows a client connection (docs/operations.md, slow clients). */
  http: HttpServerConfig;
  /** Who may call the gateway, and for which Sinch projects (docs/security.md). */
  auth: AuthConfig;
  /** Callbacks in, subscriptions out, polling, bulk resubmission (docs/provisioning.md). */
  provisioning: ProvisioningConfig;
  /** How many subscriptions a connection and a tenant may hold, and start (docs/security.md). */
  subscriptions: SubscriptionLimits;
  /** OpenTelemetry traces from the standard `OTEL_*` variables; off when none is set (docs/operations.md). */
  tracing: TracingConfig;
  /** Where state shared by every replica lives (docs/deploy.md). */
  store: StoreConfig;
}

export interface HttpServerConfig {
  /** Time to receive a whole request, headers and body; 408 and the connection closed beyond. */
  requestTimeoutMs: number;
  /** Time to receive a request's headers (at most `requestTimeoutMs`). */
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between two requests. */
  keepAliveTimeoutMs: number;
  /** Open connections (WebSockets included) at once; a connection beyond is closed at once. */
  maxConnections: number;
}

/** `redisUrl` unset: every limit, dedupe and event stays in this process (one replica). */
export interface StoreConfig {
  /** `redis://` or `rediss://` URL; it may carry a password, so it is never logged. */
  redisUrl: string | undefined;
  /** Put before every key the gateway writes, so that several gateways can share one Redis. */
  keyPrefix: string;
  /**
   * The HMAC key of the digests that stand for phone numbers and verification ids in Redis
   * keys; the same on every replica. Outside production it defaults to a fixed value.
   */
  keySecret: string;
}

/** The digest key outside production when REDIS_KEY_SECRET is unset: public, so only as good as a plain hash. */
export const DEVELOPMENT_REDIS_KEY_SECRET = 'sinch-graphql-gateway development digest key, not a secret';

export interface ProvisioningConfig {
  /** Where Sinch's Numbers callbacks are received. */
  webhookPath: string;
  /** One HMAC secret for every project's callbacks; otherwise each project's own, read from Sinch. */
  callbackSecret: string | undefined;
  /** How old a callback may be, how far ahead of this clock, and how many event ids one process remembers (docs/webhooks.md). */
  callbacks: { maxAgeSeconds: number; maxSkewSeconds: number; dedupeCapacity: number };
  /** The gateway's public origin, to show the full callback URL; undefined when not known. */
  publicUrl: string | undefined;
  /** `leaseMs`: with REDIS_URL, how long a replica's polling lease of a number outlives it. */
  polling: { mode: PollingMode; minDelayMs: number; maxDelayMs: number; callbackGraceMs: number; leaseMs: number };
  /** With REDIS_URL, entries of the shared event stream kept for replicas catching up. */
  eventStreamLength: number;
  /** PATCHes in flight at once during `resubmitFailedProvisioning`. */
  bulkConcurrency: number;
  /** The most numbers one `provisioningReport` reads (pages of 100); beyond it the report is `truncated`. */
  reportMaxNumbers: number;
}

/** `none`: one implicit tenant, the `SINCH_*` project. Otherwise the tenants of `GATEWAY_TENANTS_FILE`. */
export type AuthConfig = { mode: 'none' } | { mode: 'apiKey'; tenants: Tenant[] } | { mode: 'jwt'; tenants: Tenant[]; jwt: JwtConfig };

export interface JwtConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** The claim naming the tenant (an `id` in the tenants file). */
  tenantClaim: string;
}

export interface GraphQLConfig {
  introspection: boolean;
  landingPage: boolean;
  /** GraphiQL at /explorer, served by the gateway (docs/explorer.md). */
  explorer: boolean;
  maxRequestBytes: number;
  /** One deadline per GraphQL request; every upstream call of the request ends by then. */
  requestDeadlineMs: number;
  /** Abuse limits, checked before execution (docs/operations.md). */
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** graphql-jit compiles a document on its Nth execution; 0: graphql-js executes everything. */
  compileAfter: number;
  /** The HMAC key of pagination cursors; undefined: a random key per process (docs/security.md). */
  cursorSecret: string | undefined;
  /** The operations the frontends ship (GRAPHQL_TRUSTED_DOCUMENTS); docs/trusted-documents.md. */
  trustedDocuments: TrustedDocumentsConfig | undefined;
  /**
   * Trusted queries and mutations sent as JSON POSTs run without Apollo Server's request
   * pipeline, on what was prepared at start-up (docs/trusted-documents.md); off: through it.
   */
  trustedFastPath: boolean;
}

export interface TrustedDocumentsConfig {
  path: string;
  /** Read and hash-checked; parsed and validated against the schema when the gateway is built. */
  entries: ManifestEntry[];
  /** Only these operations run (the production default); otherwise they resolve by id and others run too. */
  only: boolean;
}

export interface SinchConfig {
  projectId: string | undefined;
  keyId: string | undefined;
  keySecret: string | undefined;
  applicationKey: string | undefined;
  applicationSecret: string | undefined;
  authUrl: string;
  numbersUrl: string;
  verificationUrl: string;
  sipUrl: string;
}

export interface UpstreamConfig {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** A deadline for a whole upstream call, body included. */
  requestTimeoutMs: number;
  maxResponseBytes: number;
  connectionsPerOrigin: number;
  /** Retries of an idempotent call (GET, the token request); docs/resilience.md. */
  retryMax: number;
  retryBaseDelayMs: number;
  /** The longest `Retry-After` the gateway waits out itself; a longer one is answered at once. */
  retryAfterMaxMs: number;
  /** The sliding window over which a service's failure rate is measured (per Sinch project). */
  circuitWindowMs: number;
  /** Calls the window must hold before the failure rate can open the circuit. */
  circuitMinimumCalls: number;
  /** The share of failed calls in the window, in (0, 1], that opens the circuit. */
  circuitFailureRatio: number;
  /** How long an open circuit refuses calls before one probe goes through. */
  circuitResetMs: number;
  /** Calls allowed to wait for one of a service's connections before more are refused. */
  queueLimit: number;
  /** Identical GETs in flight at the same time share one call (docs/architecture.md). */
  shareReads: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const origin = (name: string, fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => isOrigin(value), { message: `must be an http(s) origin such as ${fallback} (scheme, host and optional port; no path, query or credentials)` })
    .transform((value) => new URL(value).origin);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => ['true', '1', 'on', 'yes'].includes(value));

const positiveInteger = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SINCH_PROJECT_ID: optionalSecret,
  SINCH_KEY_ID: optionalSecret,
  SINCH_KEY_SECRET: optionalSecret,
  SINCH_APPLICATION_KEY: optionalSecret,
  SINCH_APPLICATION_SECRET: optionalSecret,
  SINCH_AUTH_URL: origin('SINCH_AUTH_URL', 'https://auth.sinch.com'),
  SINCH_NUMBERS_URL: origin('SINCH_NUMBERS_URL', 'https://numbers.api.sinch.com'),
  SINCH_VERIFICATION_URL: origin('SINCH_VERIFICATION_URL', 'https://verification.api.sinch.com'),
  SINCH_SIP_URL: origin('SINCH_SIP_URL', 'https://elastic-trunking.api.sinch.com'),
  SINCH_SIMULATOR: booleanFlag.optional(),
  UPSTREAM_CONNECT_TIMEOUT_MS: positiveInteger(5_000),
  UPSTREAM_HEADERS_TIMEOUT_MS: positiveInteger(10_000),
  UPSTREAM_BODY_TIMEOUT_MS: positiveInteger(10_000),
  UPSTREAM_REQUEST_TIMEOUT_MS: positiveInteger(30_000),
  UPSTREAM_MAX_RESPONSE_BYTES: positiveInteger(5 * 1024 * 1024),
  UPSTREAM_CONNECTIONS: positiveInteger(32),
  UPSTREAM_RETRY_MAX: z.coerce.number().int().min(0).max(5).default(2),
  UPSTREAM_RETRY_BASE_DELAY_MS: positiveInteger(100),
  UPSTREAM_RETRY_AFTER_MAX_MS: z.coerce.number().int().min(0).default(1_000),
  UPSTREAM_CIRCUIT_WINDOW_MS: positiveInteger(10_000),
  UPSTREAM_CIRCUIT_MIN_CALLS: positiveInteger(20),
  UPSTREAM_CIRCUIT_FAILURE_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  UPSTREAM_CIRCUIT_RESET_MS: positiveInteger(10_000),
  UPSTREAM_QUEUE_LIMIT: z.coerce.number().int().min(0).default(64),
  UPSTREAM_SHARE_READS: booleanFlag.default(true),
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  GRAPHQL_LANDING_PAGE: booleanFlag.optional(),
  GRAPHQL_EXPLORER: booleanFlag.optional(),
  GRAPHQL_MAX_REQUEST_BYTES: positiveInteger(100 * 1024),
  GRAPHQL_REQUEST_DEADLINE_MS: positiveInteger(15_000),
  GRAPHQL_MAX_DEPTH: positiveInteger(10),
  GRAPHQL_MAX_COST: positiveInteger(10_000),
  GRAPHQL_MAX_ALIASES: positiveInteger(15),
  GRAPHQL_MAX_DIRECTIVES: positiveInteger(20),
  GRAPHQL_MAX_TOKENS: positiveInteger(2_000),
  GRAPHQL_COMPILE_AFTER: z.coerce.number().int().min(0).default(2),
  GRAPHQL_TRUSTED_DOCUMENTS: z.string().optional(),
  GRAPHQL_TRUSTED_DOCUMENTS_ONLY: booleanFlag.optional(),
  GRAPHQL_TRUSTED_FAST_PATH: booleanFlag.default(true),
  GATEWAY_CURSOR_SECRET: optionalSecret.refine((value) => value === undefined || value.length >= 32, { message: 'must be at least 32 characters (a generated secret)' }),
  SHUTDOWN_GRACE_MS: positiveInteger(10_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInteger(10_000),
  HTTP_HEADERS_TIMEOUT_MS: positiveInteger(5_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInteger(72_000),
  HTTP_MAX_CONNECTIONS: positiveInteger(1_024),
  GATEWAY_AUTH: z.enum(['none', 'apiKey', 'jwt'], { message: 'must be none, apiKey or jwt' }).optional(),
  GATEWAY_TENANTS_FILE: z.string().optional(),
  GATEWAY_JWT_ISSUER: z.string().optional(),
  GATEWAY_JWT_AUDIENCE: z.string().optional(),
  GATEWAY_JWKS_URL: z
    .string()
    .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), { message: 'must be an http(s) URL' })
    .optional(),
  GATEWAY_JWT_TENANT_CLAIM: z.string().regex(/^[A-Za-z0-9_:./-]{1,128}$/, { message: 'must be a claim name' }).default('tenant'),
  NUMBERS_WEBHOOK_PATH: z
    .string()
    .regex(/^\/[A-Za-z0-9._~/-]{0,200}$/, { message: 'must be a URL path such as /webhooks/numbers' })
    .refine((value) => !['/graphql', '/health', '/ready', '/metrics'].includes(value), { message: 'must not be a path the gateway already serves' })
    .default('/webhooks/numbers'),
  SINCH_CALLBACK_SECRET: optionalSecret,
  NUMBERS_CALLBACK_MAX_AGE_S: z.coerce.number().int().min(60).max(7 * 86_400).default(86_400),
  NUMBERS_CALLBACK_MAX_SKEW_S: z.coerce.number().int().min(0).max(3_600).default(300),
  NUMBERS_CALLBACK_DEDUPE_CAPACITY: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
  GATEWAY_PUBLIC_URL: z
    .string()
    .refine((value) => isOrigin(value), { message: 'must be an http(s) origin such as https://gateway.example.com' })
    .transform((value) => new URL(value).origin)
    .optional(),
  PROVISIONING_POLLING: z.enum(['always', 'auto', 'off'], { message: 'must be always, auto or off' }).default('auto'),
  PROVISIONING_POLL_MIN_MS: positiveInteger(1_000),
  PROVISIONING_POLL_MAX_MS: positiveInteger(15_000),
  PROVISIONING_CALLBACK_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  PROVISIONING_POLL_LEASE_MS: z.coerce.number().int().min(300).max(300_000).default(10_000),
  PROVISIONING_EVENT_STREAM_LENGTH: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  PROVISIONING_BULK_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  PROVISIONING_REPORT_MAX_NUMBERS: z.coerce.number().int().min(1).max(100_000).default(10_000),
  SUBSCRIPTIONS_PER_CONNECTION: positiveInteger(10),
  SUBSCRIPTIONS_PER_TENANT: positiveInteger(100),
  SUBSCRIPTION_STARTS_PER_MINUTE: positiveInteger(60),
  REDIS_URL: z
    .string()
    .refine((value) => isRedisUrl(value), { message: 'must be a redis:// or rediss:// URL such as redis://redis:6379/0' })
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,64}$/, { message: 'must be 1 to 64 letters, digits or : . _ -' })
    .default('sgg:'),
  REDIS_KEY_SECRET: z.string().min(32, { message: 'must be at least 32 characters (for example `openssl rand -base64 32`)' }).optional(),
});

const PROJECT_CREDENTIALS = ['SINCH_PROJECT_ID', 'SINCH_KEY_ID', 'SINCH_KEY_SECRET'] as const;

/**
 * Reads and validates the environment. A variable set to an empty or blank value counts as
 * unset (`PORT=` in an env file must not silently become port 0). Every problem is collected,
 * the per-variable ones and the cross-variable ones alike, and reported in one ConfigError.
 */
/** What the simulator replaces: every credential and origin of the Sinch APIs. */
const SIMULATOR_REPLACED_VARIABLES = [
  'SINCH_PROJECT_ID',
  'SINCH_KEY_ID',
  'SINCH_KEY_SECRET',
  'SINCH_APPLICATION_KEY',
  'SINCH_APPLICATION_SECRET',
  'SINCH_AUTH_URL',
  'SINCH_NUMBERS_URL',
  'SINCH_VERIFICATION_URL',
  'SINCH_SIP_URL',
];

export function loadConfig(environment: Record<string, string | undefined> = process.env): GatewayConfig {
  const present = withoutBlankValues(environment);
  const parsed = environmentSchema.safeParse(present);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
  const simulatorFlag = booleanFlag.safeParse(present['SINCH_SIMULATOR']);
  const simulator = crossVariableProblems(present, simulatorFlag.success ? simulatorFlag.data : undefined, problems);
  const auth = readAuthConfig(present, problems);
  const tracing = readTracingConfig(present, problems);
  const trustedDocuments = readTrustedDocumentsConfig(present, problems);
  if (!parsed.success || problems.length > 0 || auth === undefined) {
    throw new ConfigError(problems);
  }
  const env = parsed.data;

  const production = env.NODE_ENV === 'production';
  return {
    host: env.HOST,
    port: env.PORT,
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    simulator,
    ignoredBySimulator: simulator ? SIMULATOR_REPLACED_VARIABLES.filter((name) => present[name] !== undefined) : [],
    sinch: {
      projectId: env.SINCH_PROJECT_ID,
      keyId: env.SINCH_KEY_ID,
      keySecret: env.SINCH_KEY_SECRET,
      applicationKey: env.SINCH_APPLICATION_KEY,
      applicationSecret: env.SINCH_APPLICATION_SECRET,
      authUrl: env.SINCH_AUTH_URL,
      numbersUrl: env.SINCH_NUMBERS_URL,
      verificationUrl: env.SINCH_VERIFICATION_URL,
      sipUrl: env.SINCH_SIP_URL,
    },
    upstream: {
      connectTimeoutMs: env.UPSTREAM_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: env.UPSTREAM_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: env.UPSTREAM_BODY_TIMEOUT_MS,
      requestTimeoutMs: env.UPSTREAM_REQUEST_TIMEOUT_MS,
      maxResponseBytes: env.UPSTREAM_MAX_RESPONSE_BYTES,
      connectionsPerOrigin: env.UPSTREAM_CONNECTIONS,
      retryMax: env.UPSTREAM_RETRY_MAX,
      retryBaseDelayMs: env.UPSTREAM_RETRY_BASE_DELAY_MS,
      retryAfterMaxMs: env.UPSTREAM_RETRY_AFTER_MAX_MS,
      circuitWindowMs: env.UPSTREAM_CIRCUIT_WINDOW_MS,
      circuitMinimumCalls: env.UPSTREAM_CIRCUIT_MIN_CALLS,
      circuitFailureRatio: env.UPSTREAM_CIRCUIT_FAILURE_PERCENT / 100,
      circuitResetMs: env.UPSTREAM_CIRCUIT_RESET_MS,
      queueLimit: env.UPSTREAM_QUEUE_LIMIT,
      shareReads: env.UPSTREAM_SHARE_READS,
    },
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? !production,
      landingPage: env.GRAPHQL_LANDING_PAGE ?? !production,
      explorer: env.GRAPHQL_EXPLORER ?? !production,
      maxRequestBytes: env.GRAPHQL_MAX_REQUEST_BYTES,
      requestDeadlineMs: env.GRAPHQL_REQUEST_DEADLINE_MS,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxCost: env.GRAPHQL_MAX_COST,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      compileAfter: env.GRAPHQL_COMPILE_AFTER,
      trustedDocuments,
      trustedFastPath: env.GRAPHQL_TRUSTED_FAST_PATH,
      cursorSecret: env.GATEWAY_CURSOR_SECRET,
    },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    http: {
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      // Node refuses a headers timeout longer than the request timeout.
      headersTimeoutMs: Math.min(env.HTTP_HEADERS_TIMEOUT_MS, env.HTTP_REQUEST_TIMEOUT_MS),
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: env.HTTP_MAX_CONNECTIONS,
    },
    auth,
    provisioning: {
      webhookPath: env.NUMBERS_WEBHOOK_PATH,
      callbackSecret: env.SINCH_CALLBACK_SECRET,
      callbacks: {
        maxAgeSeconds: env.NUMBERS_CALLBACK_MAX_AGE_S,
        maxSkewSeconds: env.NUMBERS_CALLBACK_MAX_SKEW_S,
        dedupeCapacity: env.NUMBERS_CALLBACK_DEDUPE_CAPACITY,
      },
      publicUrl: env.GATEWAY_PUBLIC_URL,
      polling: {
        mode: env.PROVISIONING_POLLING,
        minDelayMs: env.PROVISIONING_POLL_MIN_MS,
        maxDelayMs: Math.max(env.PROVISIONING_POLL_MAX_MS, env.PROVISIONING_POLL_MIN_MS),
        callbackGraceMs: env.PROVISIONING_CALLBACK_GRACE_MS,
        leaseMs: env.PROVISIONING_POLL_LEASE_MS,
      },
      eventStreamLength: env.PROVISIONING_EVENT_STREAM_LENGTH,
      bulkConcurrency: env.PROVISIONING_BULK_CONCURRENCY,
      reportMaxNumbers: env.PROVISIONING_REPORT_MAX_NUMBERS,
    },
    subscriptions: {
      perConnection: env.SUBSCRIPTIONS_PER_CONNECTION,
      perTenant: env.SUBSCRIPTIONS_PER_TENANT,
      startsPerMinute: env.SUBSCRIPTION_STARTS_PER_MINUTE,
    },
    tracing,
    store: {
      redisUrl: env.REDIS_URL,
      keyPrefix: env.REDIS_KEY_PREFIX,
      keySecret: env.REDIS_KEY_SECRET ?? DEVELOPMENT_REDIS_KEY_SECRET,
    },
  };
}

/**
 * GATEWAY_AUTH and what each mode needs. Production must choose a mode on purpose, so that an
 * open gateway is never the result of a forgotten variable. The tenants file is read here, in
 * the same pass, so that its problems are listed with every other one.
 */
function readAuthConfig(present: Record<string, string>, problems: string[]): AuthConfig | undefined {
  const mode = present['GATEWAY_AUTH'];
  if (mode === undefined && present['NODE_ENV'] === 'production') {
    problems.push('GATEWAY_AUTH: must be set in production: apiKey, jwt, or none to run without gateway authentication on purpose');
    return undefined;
  }
  if (mode === undefined || mode === 'none') return { mode: 'none' };
  if (mode !== 'apiKey' && mode !== 'jwt') return undefined;
  const missing = (mode === 'jwt' ? ['GATEWAY_TENANTS_FILE', 'GATEWAY_JWT_ISSUER', 'GATEWAY_JWT_AUDIENCE', 'GATEWAY_JWKS_URL'] : ['GATEWAY_TENANTS_FILE']).filter(
    (name) => present[name] === undefined,
  );
  for (const name of missing) problems.push(`${name}: is required with GATEWAY_AUTH=${mode}`);
  const jwksUrl = present['GATEWAY_JWKS_URL'];
  if (mode === 'jwt' && present['NODE_ENV'] === 'production' && jwksUrl !== undefined && !jwksUrl.startsWith('https://')) {
    problems.push('GATEWAY_JWKS_URL: must be https in production (the keys that sign every token come from there)');
  }
  const path = present['GATEWAY_TENANTS_FILE'];
  if (path === undefined) return undefined;
  const result = loadTenantsFile({ path, environment: present, requireApiKeys: mode === 'apiKey' });
  problems.push(...result.problems.map((problem) => `GATEWAY_TENANTS_FILE: ${problem}`));
  if (result.tenants === undefined || missing.length > 0) return undefined;
  if (mode === 'apiKey') return { mode, tenants: result.tenants };
  return {
    mode,
    tenants: result.tenants,
    jwt: {
      issuer: present['GATEWAY_JWT_ISSUER'] ?? '',
      audience: present['GATEWAY_JWT_AUDIENCE'] ?? '',
      jwksUrl: jwksUrl ?? '',
      tenantClaim: present['GATEWAY_JWT_TENANT_CLAIM'] ?? 'tenant',
    },
  };
}

/**
 * GRAPHQL_TRUSTED_DOCUMENTS: the manifest is read and its hashes checked here, with every other
 * problem; its operations are validated against the schema when the gateway is built.
 */
function readTrustedDocumentsConfig(present: Record<string, string>, problems: string[]): TrustedDocumentsConfig | undefined {
  const path = present['GRAPHQL_TRUSTED_DOCUMENTS'];
  const onlyFlag = booleanFlag.safeParse(present['GRAPHQL_TRUSTED_DOCUMENTS_ONLY']);
  if (path === undefined) {
    if (onlyFlag.success && onlyFlag.data) problems.push('GRAPHQL_TRUSTED_DOCUMENTS_ONLY: needs GRAPHQL_TRUSTED_DOCUMENTS, the manifest of the operations that may run');
    return undefined;
  }
  const result = readTrustedDocumentsManifest(path);
  problems.push(...result.problems.map((problem) => `GRAPHQL_TRUSTED_DOCUMENTS: ${problem}`));
  if (result.entries === undefined) return undefined;
  return { path, entries: result.entries, only: onlyFlag.success ? onlyFlag.data : present['NODE_ENV'] === 'production' };
}

/** Checks what no single variable can: the credentials that only make sense together. Returns whether the simulator is on. */
function crossVariableProblems(present: Record<string, string>, simulatorFlag: boolean | undefined, problems: string[]): boolean {
  if (present['NODE_ENV'] === 'production' && present['REDIS_URL'] !== undefined && present['REDIS_KEY_SECRET'] === undefined) {
    problems.push('REDIS_KEY_SECRET: is required in production with REDIS_URL (the key of the digests that keep phone numbers out of Redis keys)');
  }
  const missingCredentials = PROJECT_CREDENTIALS.filter((name) => present[name] === undefined);
  // With tenants, each tenant project names its own credentials: SINCH_* are not needed, and the
  // simulator is never guessed from their absence (it would serve invented data to real tenants).
  const tenantsHoldCredentials = present['GATEWAY_AUTH'] === 'apiKey' || present['GATEWAY_AUTH'] === 'jwt';
  const noCredentials = missingCredentials.length === PROJECT_CREDENTIALS.length;
  // Production never falls back to the simulator's invented data for want of a variable: it
  // runs the simulator only when SINCH_SIMULATOR=true says so (a demo deployment).
  if (simulatorFlag === undefined && noCredentials && !tenantsHoldCredentials && present['NODE_ENV'] === 'production') {
    problems.push(
      'SINCH_PROJECT_ID, SINCH_KEY_ID, SINCH_KEY_SECRET are not set: production never falls back to the embedded simulator; ' +
        'set the Sinch project credentials, or SINCH_SIMULATOR=true to serve the simulator on purpose',
    );
    return false;
  }
  const simulator = simulatorFlag ?? (!tenantsHoldCredentials && noCredentials);
  if (!simulator && !tenantsHoldCredentials && missingCredentials.length > 0) {
    problems.push(
      `${missingCredentials.join(', ')} ${missingCredentials.length === 1 ? 'is' : 'are'} not set: ` +
        (simulatorFlag === false
          ? 'SINCH_SIMULATOR=false needs all of SINCH_PROJECT_ID, SINCH_KEY_ID and SINCH_KEY_SECRET'
          : 'set all three Sinch project credentials, or none of them to run against the embedded simulator'),
    );
  }
  if (present['UPSTREAM_CIRCUIT_FAILURE_THRESHOLD'] !== undefined) {
    // A count of consecutive failures no longer opens a circuit; a forgotten setting must not pass silently.
    problems.push('UPSTREAM_CIRCUIT_FAILURE_THRESHOLD: no longer read; circuits open on a failure rate: set UPSTREAM_CIRCUIT_MIN_CALLS, UPSTREAM_CIRCUIT_FAILURE_PERCENT and UPSTREAM_CIRCUIT_WINDOW_MS instead');
  }
  const applicationKey = present['SINCH_APPLICATION_KEY'];
  const applicationSecret = present['SINCH_APPLICATION_SECRET'];
  if ((applicationKey === undefined) !== (applicationSecret === undefined)) {
    problems.push('SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET must be set together');
  }
  if (applicationSecret !== undefined && !/^[A-Za-z0-9+/]+={0,2}$/.test(applicationSecret)) {
    problems.push('SINCH_APPLICATION_SECRET must be the base64 application secret shown in the Sinch dashboard');
  }
  return simulator;
}

function withoutBlankValues(environment: Record<string, string | undefined>): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) {
    if (value !== undefined && value.trim() !== '') {
      present[name] = value;
    }
  }
  return present;
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === '' &&
      (url.pathname === '/' || url.pathname === '') &&
      url.search === '' &&
      url.hash === ''
    );
  } catch {
    return false;
  }
}
