import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_REDIS_KEY_SECRET, loadConfig } from '../../src/config.js';

const CREDENTIALS = { SINCH_PROJECT_ID: 'project-1', SINCH_KEY_ID: 'key-1', SINCH_KEY_SECRET: 'secret-1' };

/** The problems of the ConfigError that `loadConfig(environment)` throws. */
function problemsOf(environment: Record<string, string | undefined>): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig: defaults', () => {
  it('runs the simulator on documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      host: '0.0.0.0',
      port: 4000,
      nodeEnv: 'development',
      logLevel: 'info',
      simulator: true,
      ignoredBySimulator: [],
      sinch: {
        projectId: undefined,
        keyId: undefined,
        keySecret: undefined,
        applicationKey: undefined,
        applicationSecret: undefined,
        authUrl: 'https://auth.sinch.com',
        numbersUrl: 'https://numbers.api.sinch.com',
        verificationUrl: 'https://verification.api.sinch.com',
        sipUrl: 'https://elastic-trunking.api.sinch.com',
      },
      upstream: {
        ...{ connectTimeoutMs: 5_000, headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxResponseBytes: 5 * 1024 * 1024, connectionsPerOrigin: 32 },
        ...{ retryMax: 2, retryBaseDelayMs: 100, retryAfterMaxMs: 1_000, queueLimit: 64, shareReads: true },
        ...{ circuitWindowMs: 10_000, circuitMinimumCalls: 20, circuitFailureRatio: 0.5, circuitResetMs: 10_000 },
      },
      graphql: {
        introspection: true,
        landingPage: true,
        explorer: true,
        maxRequestBytes: 100 * 1024,
        requestDeadlineMs: 15_000,
        maxDepth: 10,
        maxCost: 10_000,
        maxAliases: 15,
        maxDirectives: 20,
        maxTokens: 2_000,
        compileAfter: 2,
        trustedDocuments: undefined,
        trustedFastPath: true,
        cursorSecret: undefined,
      },
      auth: { mode: 'none' },
      shutdownGraceMs: 10_000,
      http: { requestTimeoutMs: 10_000, headersTimeoutMs: 5_000, keepAliveTimeoutMs: 72_000, maxConnections: 1_024 },
      provisioning: {
        webhookPath: '/webhooks/numbers',
        callbackSecret: undefined,
        callbacks: { maxAgeSeconds: 86_400, maxSkewSeconds: 300, dedupeCapacity: 100_000 },
        publicUrl: undefined,
        polling: { mode: 'auto', minDelayMs: 1_000, maxDelayMs: 15_000, callbackGraceMs: 10_000, leaseMs: 10_000 },
        eventStreamLength: 10_000,
        bulkConcurrency: 4,
        reportMaxNumbers: 10_000,
      },
      subscriptions: { perConnection: 10, perTenant: 100, startsPerMinute: 60 },
      tracing: { enabled: false },
      store: { redisUrl: undefined, keyPrefix: 'sgg:', keySecret: DEVELOPMENT_REDIS_KEY_SECRET },
    });
  });

  it('reads the shared store, and refuses a URL that is not Redis', () => {
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@redis.internal:6380/2', REDIS_KEY_PREFIX: 'gw1:' }).store).toEqual({
      redisUrl: 'rediss://:pw@redis.internal:6380/2',
      keyPrefix: 'gw1:',
      keySecret: DEVELOPMENT_REDIS_KEY_SECRET,
    });
    const secret = 'k'.repeat(32);
    expect(loadConfig({ REDIS_URL: 'redis://redis:6379', REDIS_KEY_SECRET: secret }).store.keySecret).toBe(secret);
    expect(() => loadConfig({ REDIS_KEY_SECRET: 'short' })).toThrow(/REDIS_KEY_SECRET: must be at least 32 characters/);
    expect(() => loadConfig({ REDIS_URL: 'http://redis:6379' })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => loadConfig({ REDIS_KEY_PREFIX: 'a b' })).toThrow(/REDIS_KEY_PREFIX/);
  });

  it('requires REDIS_KEY_SECRET in production with REDIS_URL: the development digest key is public', () => {
    const production = { NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true', REDIS_URL: 'redis://redis:6379' };
    expect(() => loadConfig(production)).toThrow(/REDIS_KEY_SECRET: is required in production with REDIS_URL/);
    expect(loadConfig({ ...production, REDIS_KEY_SECRET: 's'.repeat(40) }).store.keySecret).toBe('s'.repeat(40));
  });

  it('reads the callback age, skew and dedupe capacity, and refuses values out of range', () => {
    expect(loadConfig({ NUMBERS_CALLBACK_MAX_AGE_S: '3600', NUMBERS_CALLBACK_MAX_SKEW_S: '30', NUMBERS_CALLBACK_DEDUPE_CAPACITY: '500' }).provisioning.callbacks).toEqual({
      maxAgeSeconds: 3_600,
      maxSkewSeconds: 30,
      dedupeCapacity: 500,
    });
    expect(() => loadConfig({ NUMBERS_CALLBACK_MAX_AGE_S: '10' })).toThrow(/NUMBERS_CALLBACK_MAX_AGE_S/);
    expect(() => loadConfig({ NUMBERS_CALLBACK_MAX_AGE_S: String(8 * 86_400) })).toThrow(/NUMBERS_CALLBACK_MAX_AGE_S/);
    expect(() => loadConfig({ NUMBERS_CALLBACK_DEDUPE_CAPACITY: '0' })).toThrow(/NUMBERS_CALLBACK_DEDUPE_CAPACITY/);
  });

  it('reads every scalar variable', () => {
    const config = loadConfig({
      ...CREDENTIALS,
      HOST: '127.0.0.1',
      PORT: '8080',
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      SINCH_APPLICATION_KEY: 'app-key',
      SINCH_APPLICATION_SECRET: 'c2VjcmV0Lw==',
      UPSTREAM_CONNECT_TIMEOUT_MS: '1000',
      UPSTREAM_HEADERS_TIMEOUT_MS: '2000',
      UPSTREAM_BODY_TIMEOUT_MS: '3000',
      UPSTREAM_REQUEST_TIMEOUT_MS: '4000',
      UPSTREAM_MAX_RESPONSE_BYTES: '1024',
      UPSTREAM_CONNECTIONS: '4',
      UPSTREAM_RETRY_MAX: '0',
      UPSTREAM_RETRY_BASE_DELAY_MS: '50',
      UPSTREAM_RETRY_AFTER_MAX_MS: '0',
      UPSTREAM_CIRCUIT_WINDOW_MS: '2000',
      UPSTREAM_CIRCUIT_MIN_CALLS: '3',
      UPSTREAM_CIRCUIT_FAILURE_PERCENT: '75',
      UPSTREAM_CIRCUIT_RESET_MS: '500',
      UPSTREAM_QUEUE_LIMIT: '0',
      UPSTREAM_SHARE_READS: 'false',
      GRAPHQL_REQUEST_DEADLINE_MS: '700',
      GRAPHQL_MAX_REQUEST_BYTES: '2048',
      GRAPHQL_COMPILE_AFTER: '0',
    });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, nodeEnv: 'test', logLevel: 'debug', simulator: false });
    expect(config.sinch).toMatchObject({ ...{ projectId: 'project-1', keyId: 'key-1', keySecret: 'secret-1' }, applicationKey: 'app-key', applicationSecret: 'c2VjcmV0Lw==' });
    expect(config.upstream).toEqual({
      ...{ connectTimeoutMs: 1000, headersTimeoutMs: 2000, bodyTimeoutMs: 3000, requestTimeoutMs: 4000, maxResponseBytes: 1024, connectionsPerOrigin: 4 },
      ...{ retryMax: 0, retryBaseDelayMs: 50, retryAfterMaxMs: 0, queueLimit: 0, shareReads: false },
      ...{ circuitWindowMs: 2000, circuitMinimumCalls: 3, circuitFailureRatio: 0.75, circuitResetMs: 500 },
    });
    expect(config.graphql.maxRequestBytes).toBe(2048);
    expect(config.graphql.compileAfter).toBe(0);
    expect(config.graphql.requestDeadlineMs).toBe(700);
  });

  it('treats a blank variable as unset, so PORT= does not become port 0', () => {
    const config = loadConfig({ PORT: '', HOST: '  ', LOG_LEVEL: '', SINCH_KEY_ID: ' ' });
    expect([config.port, config.host, config.logLevel, config.simulator]).toEqual([4000, '0.0.0.0', 'info', true]);
  });
});

describe('loadConfig: origins', () => {
  it.each([
    ['SINCH_AUTH_URL', 'authUrl'],
    ['SINCH_NUMBERS_URL', 'numbersUrl'],
    ['SINCH_VERIFICATION_URL', 'verificationUrl'],
    ['SINCH_SIP_URL', 'sipUrl'],
  ] as const)('honours %s', (name, field) => {
    expect(loadConfig({ [name]: 'http://127.0.0.1:9001' }).sinch[field]).toBe('http://127.0.0.1:9001');
  });

  it.each([
    ['a trailing slash', 'http://127.0.0.1:9001/', 'http://127.0.0.1:9001'],
    ['an empty query', 'http://127.0.0.1:9001?', 'http://127.0.0.1:9001'],
    ['an upper-case host and a default port', 'HTTPS://Numbers.API.Sinch.com:443', 'https://numbers.api.sinch.com'],
  ])('normalises an origin with %s', (_name, value, origin) => {
    expect(loadConfig({ SINCH_NUMBERS_URL: value }).sinch.numbersUrl).toBe(origin);
  });

  it.each([
    ['a path', 'https://numbers.api.sinch.com/v1'],
    ['credentials', 'https://user:pass@numbers.api.sinch.com'],
    ['a username only', 'https://user@numbers.api.sinch.com'],
    ['a query', 'https://numbers.api.sinch.com?x=1'],
    ['a fragment', 'https://numbers.api.sinch.com#x'],
    ['another scheme', 'ftp://numbers.api.sinch.com'],
    ['no scheme', 'numbers.api.sinch.com'],
  ])('rejects an origin with %s', (_name, value) => {
    expect(problemsOf({ SINCH_NUMBERS_URL: value })).toEqual([expect.stringMatching(/^SINCH_NUMBERS_URL: must be an http\(s\) origin/)]);
  });
});

describe('loadConfig: simulator and credentials', () => {
  it('turns the simulator on when no credentials are set, and off when all are', () => {
    expect(loadConfig({}).simulator).toBe(true);
    expect(loadConfig(CREDENTIALS).simulator).toBe(false);
  });

  it('refuses to start in production without credentials rather than serve the simulator', () => {
    const problems = problemsOf({ NODE_ENV: 'production', GATEWAY_AUTH: 'none' });
    expect(problems).toEqual([expect.stringContaining('SINCH_PROJECT_ID, SINCH_KEY_ID, SINCH_KEY_SECRET are not set: production never falls back')]);
    expect(problems[0]).toContain('SINCH_SIMULATOR=true');
    // Blank values are unset values.
    expect(problemsOf({ NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_PROJECT_ID: ' ', SINCH_KEY_ID: '', SINCH_KEY_SECRET: '' })).toHaveLength(1);
  });

  it('runs the simulator in production only when SINCH_SIMULATOR=true says so', () => {
    expect(loadConfig({ NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true' }).simulator).toBe(true);
    expect(loadConfig({ ...CREDENTIALS, NODE_ENV: 'production', GATEWAY_AUTH: 'none' }).simulator).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).simulator).toBe(true);
  });

  it('keeps the simulator on when SINCH_SIMULATOR=true, even with credentials', () => {
    expect(loadConfig({ ...CREDENTIALS, SINCH_SIMULATOR: 'true' }).simulator).toBe(true);
  });

  it('names each missing credential when SINCH_SIMULATOR=false', () => {
    const [problem, ...rest] = problemsOf({ SINCH_SIMULATOR: 'false', SINCH_KEY_ID: 'key-1' });
    expect(rest).toEqual([]);
    expect(problem).toContain('SINCH_PROJECT_ID, SINCH_KEY_SECRET are not set');
    expect(problem).toContain('SINCH_SIMULATOR=false');
    expect(problem).not.toContain('SINCH_KEY_ID,');
  });

  it('names all three when SINCH_SIMULATOR=false and none is set', () => {
    expect(problemsOf({ SINCH_SIMULATOR: '0' })).toEqual([expect.stringContaining('SINCH_PROJECT_ID, SINCH_KEY_ID, SINCH_KEY_SECRET are not set')]);
  });

  it('refuses a partial set of credentials without SINCH_SIMULATOR', () => {
    expect(problemsOf({ SINCH_PROJECT_ID: 'project-1', SINCH_KEY_ID: 'key-1' })).toEqual([expect.stringContaining('SINCH_KEY_SECRET is not set')]);
  });

  it('wants the Verification application key and secret together, the secret in base64', () => {
    expect(problemsOf({ SINCH_APPLICATION_KEY: 'app-key' })).toEqual(['SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET must be set together']);
    expect(problemsOf({ SINCH_APPLICATION_KEY: 'app-key', SINCH_APPLICATION_SECRET: 'not base64!' })).toEqual([expect.stringContaining('SINCH_APPLICATION_SECRET must be the base64')]);
  });

  it('never puts a secret value in a problem', () => {
    const problems = problemsOf({ SINCH_SIMULATOR: 'false', SINCH_KEY_SECRET: 'top-secret-value', SINCH_APPLICATION_SECRET: 'also secret!' });
    expect(problems.join('\n')).not.toMatch(/top-secret-value|also secret!/);
  });
});

describe('loadConfig: settings that were replaced', () => {
  it('refuses UPSTREAM_CIRCUIT_FAILURE_THRESHOLD, naming what replaced it, rather than ignore it', () => {
    expect(problemsOf({ UPSTREAM_CIRCUIT_FAILURE_THRESHOLD: '5' })).toEqual([expect.stringMatching(/^UPSTREAM_CIRCUIT_FAILURE_THRESHOLD: no longer read.*UPSTREAM_CIRCUIT_MIN_CALLS/)]);
  });
});

describe('loadConfig: every problem at once', () => {
  it('reports several bad variables in ONE error, per-variable and cross-variable problems alike', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      NODE_ENV: 'staging',
      LOG_LEVEL: 'loud',
      SINCH_AUTH_URL: 'https://auth.sinch.com/oauth2',
      UPSTREAM_BODY_TIMEOUT_MS: '-1',
      GRAPHQL_INTROSPECTION: 'maybe',
      SINCH_SIMULATOR: 'false',
      SINCH_APPLICATION_KEY: 'app-key',
    });
    const variables = problems.map((problem) => problem.split(/[:, ]/)[0]);
    expect(variables).toEqual(
      expect.arrayContaining(['PORT', 'NODE_ENV', 'LOG_LEVEL', 'SINCH_AUTH_URL', 'UPSTREAM_BODY_TIMEOUT_MS', 'GRAPHQL_INTROSPECTION', 'SINCH_PROJECT_ID', 'SINCH_APPLICATION_KEY']),
    );
    expect(problems).toHaveLength(8);
  });

  it('lists every problem in the error message', () => {
    try {
      loadConfig({ PORT: '70000', UPSTREAM_CONNECTIONS: '0' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^Invalid configuration:\n {2}- PORT: .+\n {2}- UPSTREAM_CONNECTIONS: .+$/);
    }
  });
});

describe('loadConfig: production', () => {
  it('turns introspection and the landing page off in production', () => {
    expect(loadConfig({ ...CREDENTIALS, NODE_ENV: 'production', GATEWAY_AUTH: 'none' }).graphql).toMatchObject({ introspection: false, landingPage: false, explorer: false });
  });

  it('turns them on in production only when asked', () => {
    expect(loadConfig({ ...CREDENTIALS, NODE_ENV: 'production', GATEWAY_AUTH: 'none', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_LANDING_PAGE: 'yes' }).graphql).toMatchObject({ introspection: true, landingPage: true });
  });

  it('names the Sinch settings the simulator replaces, so they are not ignored silently', () => {
    const config = loadConfig({ SINCH_APPLICATION_KEY: 'key', SINCH_APPLICATION_SECRET: 'c2VjcmV0', SINCH_NUMBERS_URL: 'http://127.0.0.1:9' });
    expect(config.simulator).toBe(true);
    expect(config.ignoredBySimulator).toEqual(['SINCH_APPLICATION_KEY', 'SINCH_APPLICATION_SECRET', 'SINCH_NUMBERS_URL']);
    expect(loadConfig({ SINCH_PROJECT_ID: 'p', SINCH_KEY_ID: 'k', SINCH_KEY_SECRET: 's' }).ignoredBySimulator).toEqual([]);
  });

  it('refuses to start in production unless GATEWAY_AUTH is chosen', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/GATEWAY_AUTH: must be set in production/);
  });

  it('lets development turn them off', () => {
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'off', GRAPHQL_LANDING_PAGE: '0' }).graphql).toMatchObject({ introspection: false, landingPage: false });
  });
});
