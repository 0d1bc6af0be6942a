import { expect } from 'vitest';
import type { OutgoingHttpHeaders } from 'node:http';
import type { ErrorCode } from '../../src/errors/ErrorCode.js';
import { UpstreamHttpClient } from '../../src/upstream/http/UpstreamHttpClient.js';
import type { UpstreamHttpClientOptions } from '../../src/upstream/http/UpstreamHttpClient.js';
import { UpstreamError } from '../../src/upstream/UpstreamError.js';
import type { UpstreamService } from '../../src/upstream/UpstreamService.js';
import { startFaultServer } from '../support/faultServer.js';
import type { FaultResponse, FaultServer } from '../support/faultServer.js';

/** The fields of an UpstreamError every error-table row asserts, all of them, every time. */
export interface ExpectedUpstreamError {
  code: ErrorCode;
  retryable: boolean;
  httpStatus: number | undefined;
  status?: string;
  upstreamCode?: string;
  upstreamMessage?: string;
  reference?: string;
  retryAfterSeconds?: number;
}

export interface ErrorTableRow {
  /** What the row is, for the test name. */
  name: string;
  service: UpstreamService;
  httpStatus: number;
  body: FaultResponse['body'];
  headers?: OutgoingHttpHeaders;
  expected: ExpectedUpstreamError;
}

export interface ErrorHarness {
  server: FaultServer;
  client(service: UpstreamService): UpstreamHttpClient;
  /** Serves `response` once and returns the UpstreamError the client threw for it. */
  errorFor(service: UpstreamService, response: FaultResponse): Promise<UpstreamError>;
  close(): Promise<void>;
}

/** One fault server and one real UpstreamHttpClient per service pointing at it. */
export async function startErrorHarness(options: Partial<UpstreamHttpClientOptions> = {}): Promise<ErrorHarness> {
  const server = await startFaultServer();
  const clients = new Map<UpstreamService, UpstreamHttpClient>();
  const client = (service: UpstreamService) => {
    let existing = clients.get(service);
    if (existing === undefined) {
      existing = new UpstreamHttpClient({ service, origin: server.origin, ...options });
      clients.set(service, existing);
    }
    return existing;
  };
  return {
    server,
    client,
    async errorFor(service, response) {
      server.enqueue(response);
      return captureUpstreamError(client(service).request({ method: 'GET', path: '/v1/resource', route: '/v1/resource' }));
    },
    async close() {
      await Promise.all([...clients.values()].map((each) => each.close()));
      await server.close();
    },
  };
}

export async function captureUpstreamError(call: Promise<unknown>): Promise<UpstreamError> {
  const outcome = await call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) {
    throw new Error(`expected the call to fail, it returned ${JSON.stringify(outcome.value)}`);
  }
  expect(outcome.error).toBeInstanceOf(UpstreamError);
  return outcome.error as UpstreamError;
}

/** The asserted fields of an error, with absent ones as undefined so `toEqual` compares all of them. */
export function observed(error: UpstreamError): ExpectedUpstreamError {
  return {
    code: error.code,
    retryable: error.retryable,
    httpStatus: error.httpStatus,
    status: error.status,
    upstreamCode: error.upstreamCode,
    upstreamMessage: error.upstreamMessage,
    reference: error.reference,
    retryAfterSeconds: error.retryAfterSeconds,
  };
}

export function expectUpstreamError(error: UpstreamError, row: ErrorTableRow): void {
  expect(error.service).toBe(row.service);
  expect(error.failure).toBe('HTTP_STATUS');
  expect(observed(error)).toStrictEqual({
    status: undefined,
    upstreamCode: undefined,
    upstreamMessage: undefined,
    reference: undefined,
    retryAfterSeconds: undefined,
    ...row.expected,
  });
}
