import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFaultServer, type FaultServer } from '../support/faultServer.js';
import type { ResilientClient } from './resilienceHarness.js';

export interface FaultServerHarness {
  server: FaultServer;
  /** Set by each test (`resilientClient(server.origin, ...)`); closed after it. */
  harness: ResilientClient;
}

/**
 * Registers the hooks of a resilience test: one fault server for the describe block, and after
 * each test the test's client closed and the server's script and log emptied. The fields are set
 * in hooks and tests: read them there only.
 */
export function useFaultServerHarness(): FaultServerHarness {
  const context = {} as FaultServerHarness;
  beforeAll(async () => {
    context.server = await startFaultServer();
  });
  afterEach(async () => {
    await context.harness.client.close();
    context.server.reset();
  });
  afterAll(() => context.server.close());
  return context;
}
