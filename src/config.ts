import { z } from 'zod';

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
  sinch: SinchConfig;
  upstream: UpstreamConfig;
  graphql: { introspection: boolean; landingPage: boolean; maxRequestBytes: number };
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
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  GRAPHQL_LANDING_PAGE: booleanFlag.optional(),
  GRAPHQL_MAX_REQUEST_BYTES: positiveInteger(100 * 1024),
});

const PROJECT_CREDENTIALS = ['SINCH_PROJECT_ID', 'SINCH_KEY_ID', 'SINCH_KEY_SECRET'] as const;

/**
 * Reads and validates the environment. A variable set to an empty or blank value counts as
 * unset (`PORT=` in an env file must not silently become port 0). Every problem is collected,
 * the per-variable ones and the cross-variable ones alike, and reported in one ConfigError.
 */
export function loadConfig(environment: Record<string, string | undefined> = process.env): GatewayConfig {
  const present = withoutBlankValues(environment);
  const parsed = environmentSchema.safeParse(present);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
  const simulatorFlag = booleanFlag.safeParse(present['SINCH_SIMULATOR']);
  const simulator = crossVariableProblems(present, simulatorFlag.success ? simulatorFlag.data : undefined, problems);
  if (!parsed.success || problems.length > 0) {
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
    },
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? !production,
      landingPage: env.GRAPHQL_LANDING_PAGE ?? !production,
      maxRequestBytes: env.GRAPHQL_MAX_REQUEST_BYTES,
    },
  };
}

/** Checks what no single variable can: the credentials that only make sense together. Returns whether the simulator is on. */
function crossVariableProblems(present: Record<string, string>, simulatorFlag: boolean | undefined, problems: string[]): boolean {
  const missingCredentials = PROJECT_CREDENTIALS.filter((name) => present[name] === undefined);
  const simulator = simulatorFlag ?? missingCredentials.length === PROJECT_CREDENTIALS.length;
  if (!simulator && missingCredentials.length > 0) {
    problems.push(
      `${missingCredentials.join(', ')} ${missingCredentials.length === 1 ? 'is' : 'are'} not set: ` +
        (simulatorFlag === false
          ? 'SINCH_SIMULATOR=false needs all of SINCH_PROJECT_ID, SINCH_KEY_ID and SINCH_KEY_SECRET'
          : 'set all three Sinch project credentials, or none of them to run against the embedded simulator'),
    );
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
