import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createGateway, PER_REPLICA_WITHOUT_REDIS } from '../../src/server/createGateway.js';
import { createLogger } from '../../src/server/createLogger.js';
import { testRedisUrl } from '../support/testStore.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('info', destination) };
}

const PRODUCTION = { NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true', SINCH_PROJECT_ID: 'p', HOST: '127.0.0.1', PORT: '0' };

describe('Start-up: a production gateway without a shared store says what stays per replica', () => {
  it('warns in production without REDIS_URL, naming every piece of state that will not hold across replicas', async () => {
    const { lines, logger } = capture();
    const gateway = await createGateway(loadConfig(PRODUCTION), { logger });
    await gateway.close();
    const warning = lines.find((line) => typeof line['msg'] === 'string' && line['msg'].startsWith('REDIS_URL is not set'));
    expect(warning).toMatchObject({ level: 40, perReplica: [...PER_REPLICA_WITHOUT_REDIS] });
    expect(PER_REPLICA_WITHOUT_REDIS.join(' ')).toMatch(/report budgets.*rate limits.*persisted queries.*callback dedupe.*events.*polling/s);
  });

  it('does not warn with REDIS_URL, nor outside production', async () => {
    for (const env of [{ ...PRODUCTION, REDIS_URL: testRedisUrl(), REDIS_KEY_SECRET: 'x'.repeat(32) }, { ...PRODUCTION, NODE_ENV: 'development' }]) {
      const { lines, logger } = capture();
      const gateway = await createGateway(loadConfig(env), { logger });
      await gateway.close();
      expect(lines.filter((line) => String(line['msg']).startsWith('REDIS_URL is not set'))).toEqual([]);
    }
  });
});
