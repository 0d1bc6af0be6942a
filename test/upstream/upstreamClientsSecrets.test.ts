import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { SinchConfig } from '../../src/config.js';
import { gatewaySecrets } from '../../src/server/gatewaySecrets.js';
import { KnownSecrets } from '../../src/upstream/http/KnownSecrets.js';
import { createUpstreamClients } from '../../src/upstream/UpstreamClients.js';
import type { UpstreamClients } from '../../src/upstream/UpstreamClients.js';
import { UpstreamError } from '../../src/upstream/UpstreamError.js';
import { startFaultServer } from '../support/faultServer.js';
import type { FaultServer } from '../support/faultServer.js';
import { writeTenantsFile } from '../support/startTenantGateway.js';

const opaque = (prefix: string) => `${prefix}-${randomBytes(16).toString('hex')}`;

function sinchConfig(origin: string, projectId: string, keySecret: string): SinchConfig {
  const base = loadConfig({ NODE_ENV: 'test', SINCH_SIMULATOR: 'false', SINCH_PROJECT_ID: projectId, SINCH_KEY_ID: `${projectId}-key`, SINCH_KEY_SECRET: keySecret });
  return { ...base.sinch, authUrl: origin, numbersUrl: origin, verificationUrl: origin, sipUrl: origin };
}

async function errorOf(call: Promise<unknown>): Promise<UpstreamError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

/** Every string an UpstreamError keeps, in one text. */
function keptText(error: UpstreamError): string {
  return JSON.stringify([error.message, error.status, error.upstreamCode, error.upstreamMessage, error.reference, error.details]);
}

describe('Upstream clients: the secrets every client set knows', () => {
  let server: FaultServer;
  const secrets = new KnownSecrets();
  const issued: string[] = [];
  let echo: (authorization: string) => string = () => '';
  let clientsA: UpstreamClients;
  let clientsB: UpstreamClients;
  const secretA = opaque('secret-a');
  const secretB = opaque('secret-b');
  const scope = (projectId: string) => ({ projectId, signal: new AbortController().signal });

  beforeAll(async () => {
    server = await startFaultServer();
    let expire = false;
    server.handle((recorded) => {
      if (recorded.path === '/oauth2/token') {
        // Opaque tokens, not JWTs: only the token history can know them.
        const token = opaque('opaque-token');
        issued.push(token);
        return { status: 200, body: { access_token: token, expires_in: 3600 } };
      }
      const authorization = String(recorded.headers.authorization ?? '');
      if (expire) {
        expire = false;
        return { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' }, body: '' };
      }
      return { status: 400, body: { error: { code: 400, status: 'INVALID_ARGUMENT', message: echo(authorization) } } };
    });
    clientsA = createUpstreamClients({ sinch: sinchConfig(server.origin, 'project-a', secretA), upstream: loadConfig({ NODE_ENV: 'test' }).upstream, secrets });
    clientsB = createUpstreamClients({ sinch: sinchConfig(server.origin, 'project-b', secretB), upstream: loadConfig({ NODE_ENV: 'test' }).upstream, secrets });
    // The first token of project A, then an expired answer that makes A take a second one.
    echo = () => 'first';
    await errorOf(clientsA.numbers.getActiveNumber(scope('project-a'), '+12025550100'));
    expire = true;
  });
  afterAll(async () => {
    await Promise.all([clientsA.close(), clientsB.close()]);
    await server.close();
  });

  it('scrubs a previous access token that a request authenticated with the next one echoes', async () => {
    echo = (authorization) => `previous ${issued[0]} current ${authorization}`;
    const error = await errorOf(clientsA.numbers.getActiveNumber(scope('project-a'), '+12025550100'));
    expect(issued).toHaveLength(2);
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${issued[1]}`);
    expect(error.upstreamMessage).toBe('previous [redacted] current [redacted]');
  });

  it("scrubs another project's key secret and token from an error of this project", async () => {
    echo = () => `leaked ${secretA} and ${issued[1]} and ${Buffer.from(`project-a-key:${secretA}`).toString('base64')}`;
    const error = await errorOf(clientsB.numbers.getActiveNumber(scope('project-b'), '+12025550100'));
    expect(error.upstreamMessage).toBe('leaked [redacted] and [redacted] and [redacted]');
    for (const secret of [secretA, issued[0] ?? '', issued[1] ?? '']) {
      expect(keptText(error)).not.toContain(secret.slice(-16));
    }
  });
});

describe('gatewaySecrets: every configured secret is known from the start', () => {
  it('knows every tenant project secret, the callback secret and the Redis password, before any client exists', () => {
    const environment: Record<string, string> = {
      A_KEY_ID: 'a-key-id',
      A_KEY_SECRET: opaque('tenant-a-key-secret'),
      A_APPLICATION_KEY: 'a-application-key',
      A_APPLICATION_SECRET: randomBytes(24).toString('base64'),
      B_KEY_ID: 'b-key-id',
      B_KEY_SECRET: opaque('tenant-b-key-secret'),
    };
    const file = writeTenantsFile({
      tenants: [
        { id: 'a', apiKeys: [{ id: 'k', sha256: 'a'.repeat(64) }], projects: [{ projectId: 'pa', keyIdEnv: 'A_KEY_ID', keySecretEnv: 'A_KEY_SECRET', applicationKeyEnv: 'A_APPLICATION_KEY', applicationSecretEnv: 'A_APPLICATION_SECRET' }] },
        { id: 'b', apiKeys: [{ id: 'k', sha256: 'b'.repeat(64) }], projects: [{ projectId: 'pb', keyIdEnv: 'B_KEY_ID', keySecretEnv: 'B_KEY_SECRET' }] },
      ],
    });
    try {
      const callbackSecret = opaque('callback-secret');
      const redisPassword = opaque('redis-password');
      const config = loadConfig({ NODE_ENV: 'test', GATEWAY_AUTH: 'apiKey', GATEWAY_TENANTS_FILE: file.path, SINCH_CALLBACK_SECRET: callbackSecret, REDIS_URL: `redis://:${redisPassword}@redis:6379/0`, ...environment });
      const secrets = gatewaySecrets(config);
      const known = [environment['A_KEY_SECRET'], environment['A_APPLICATION_SECRET'], environment['B_KEY_SECRET'], callbackSecret, Buffer.from(`b-key-id:${environment['B_KEY_SECRET']}`).toString('base64'), redisPassword];
      expect(known.map((secret) => secrets.appearsIn(`x ${secret} y`))).toEqual([true, true, true, true, true, true]);
      expect(secrets.appearsIn('a-key-id b-key-id pa pb')).toBe(false);
    } finally {
      file.remove();
    }
  });
});
