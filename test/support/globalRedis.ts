import type { TestProject } from 'vitest/node';
import { startRedisServer } from './startRedisServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The redis-server the suites share: `.ci/run`'s (`TEST_REDIS_URL`), or one started here. */
    testRedisUrl: string;
  }
}

/**
 * vitest globalSetup: gives every suite a real Redis. CI starts one and exports
 * `TEST_REDIS_URL`; without it (a laptop), one is started here on a free port and stopped at the
 * end, so that the `redis` project never skips for want of a server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = process.env['TEST_REDIS_URL'];
  if (shared !== undefined && shared !== '') {
    project.provide('testRedisUrl', shared);
    return async () => undefined;
  }
  const server = await startRedisServer();
  project.provide('testRedisUrl', server.url);
  return () => server.stop();
}
