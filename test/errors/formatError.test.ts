import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors/GatewayError.js';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { createFormatError } from '../../src/graphql/formatError.js';
import { UpstreamError } from '../../src/upstream/UpstreamError.js';

const typeDefs = /* GraphQL */ `
  type Query {
    ok: String
    upstream: String
    timeout: String
    invalidInput: String
    gateway: String
    unexpected: String
    disguised: String
    deliberate: String
    echo(count: Int!): Int
    notIterable: [String]
    refusedByUpstream: String
    credentialsRefused: String
  }
`;

const upstreamError = new UpstreamError({
  service: 'VERIFICATION',
  failure: 'HTTP_STATUS',
  endpoint: 'GET /verification/v1/verifications/id/{id}',
  httpStatus: 429,
  status: '429 VelocityConstraint',
  upstreamCode: '42901',
  upstreamMessage: 'Cannot initiate verification to the same number too quickly',
  reference: 'ref-1',
  details: [],
  retryAfterSeconds: 30,
});

const resolvers = {
  Query: {
    ok: () => 'fine',
    upstream: () => {
      throw upstreamError;
    },
    timeout: () => {
      throw new UpstreamError({ service: 'NUMBERS', failure: 'TIMEOUT', endpoint: 'GET /v1/projects/{projectId}/activeNumbers' });
    },
    invalidInput: () => {
      throw new InvalidInputError('phoneNumber', 'phoneNumber must be a phone number in E.164 format.');
    },
    gateway: () => {
      throw new GatewayError('FAILED_PRECONDITION', 'Nothing failed, so there is nothing to resubmit.', { http: { status: 412 }, hint: 'wait' });
    },
    unexpected: () => {
      throw new Error('connect ECONNREFUSED postgres://admin:hunter2@db');
    },
    disguised: () => {
      throw Object.assign(new Error('token=eyJsecret leaked'), { extensions: { code: 'BAD_USER_INPUT' } });
    },
    deliberate: () => {
      throw new GraphQLError('Not your project', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
    },
    echo: (_: unknown, { count }: { count: number }) => count,
    // graphql-js's own execution error ("Expected Iterable, but did not find one for field ...").
    notIterable: () => 'not a list',
    refusedByUpstream: () => {
      throw new UpstreamError({ service: 'NUMBERS', failure: 'HTTP_STATUS', endpoint: 'PATCH /v1/projects/{projectId}/activeNumbers/{phoneNumber}', httpStatus: 415, upstreamMessage: 'unsupported media type text/plain' });
    },
    credentialsRefused: () => {
      throw new UpstreamError({ service: 'AUTH', failure: 'HTTP_STATUS', endpoint: 'POST /oauth2/token', httpStatus: 401, upstreamCode: 'invalid_client' });
    },
  },
};

describe('formatError', () => {
  const logLines: string[] = [];
  let server: ApolloServer;

  beforeAll(async () => {
    const logger = pino({ level: 'warn' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) }));
    server = new ApolloServer({ typeDefs, resolvers, formatError: createFormatError(logger), includeStacktraceInErrorResponses: true });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  const run = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') {
      throw new Error('expected a single result');
    }
    return { status: response.http.status, result: response.body.singleResult };
  };

  it('turns an UpstreamError into its code and typed extensions.upstream, next to partial data', async () => {
    const { status, result } = await run('{ ok upstream }');
    expect(status).toBeUndefined();
    expect(result.data).toEqual({ ok: 'fine', upstream: null });
    expect(result.errors).toEqual([
      {
        message: 'The Sinch Verification API answered 429: Cannot initiate verification to the same number too quickly',
        locations: [{ line: 1, column: 6 }],
        path: ['upstream'],
        extensions: {
          code: 'RATE_LIMITED',
          upstream: {
            service: 'VERIFICATION',
            httpStatus: 429,
            status: '429 VelocityConstraint',
            code: '42901',
            message: 'Cannot initiate verification to the same number too quickly',
            reference: 'ref-1',
            details: [],
            retryable: true,
            retryAfterSeconds: 30,
          },
        },
      },
    ]);
  });

  it('uses null for the upstream fields an error does not have', async () => {
    const { result } = await run('{ timeout }');
    expect(result.errors?.[0]?.message).toBe('The Sinch Numbers API did not answer in time');
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'UPSTREAM_TIMEOUT',
      upstream: { service: 'NUMBERS', httpStatus: null, status: null, code: null, message: null, reference: null, details: [], retryable: true, retryAfterSeconds: null },
    });
  });

  it('turns an InvalidInputError into BAD_USER_INPUT with the argument name', async () => {
    const { result } = await run('{ invalidInput }');
    expect(result.errors?.[0]).toMatchObject({ message: 'phoneNumber must be a phone number in E.164 format.', path: ['invalidInput'] });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'phoneNumber' });
  });

  // Apollo Server reads `extensions.http` of the thrown error before formatError runs (it would
  // set the status of the whole response); formatError can only keep it out of the body.
  it('keeps the code and extensions of a GatewayError, but never its http', async () => {
    const { result } = await run('{ gateway }');
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'FAILED_PRECONDITION', hint: 'wait' });
  });

  it('keeps a GraphQLError thrown on purpose with a public code, without http or stacktrace', async () => {
    const { result } = await run('{ deliberate }');
    expect(result.errors?.[0]).toMatchObject({ message: 'Not your project' });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('masks an unexpected error as INTERNAL_SERVER_ERROR and logs it', async () => {
    const { result } = await run('{ ok unexpected }');
    expect(result.data).toEqual({ ok: 'fine', unexpected: null });
    expect(result.errors).toEqual([{ message: 'Internal server error', locations: [{ line: 1, column: 6 }], path: ['unexpected'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(logLines.some((line) => line.includes('unexpected error while executing an operation'))).toBe(true);
  });

  it('masks a plain Error that merely carries a public-looking extensions.code', async () => {
    const { result } = await run('{ disguised }');
    expect(result.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(result)).not.toContain('eyJsecret');
  });

  it('passes request errors through with their own code and no stacktrace', async () => {
    const validation = await run('{ nope }');
    expect(validation.result.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const variables = await run('query ($count: Int!) { echo(count: $count) }', { count: 'many' });
    expect(variables.result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('never returns a stacktrace or an http extension, for any kind of error', async () => {
    const { result } = await run('{ upstream timeout invalidInput gateway unexpected disguised deliberate }');
    expect(result.errors).toHaveLength(7);
    for (const error of result.errors ?? []) {
      expect(Object.keys(error.extensions ?? {})).not.toContain('stacktrace');
      expect(Object.keys(error.extensions ?? {})).not.toContain('http');
    }
  });

  it('masks and logs graphql-js execution errors, which Apollo codes INTERNAL_SERVER_ERROR itself', async () => {
    logLines.length = 0;
    const { result } = await run('{ notIterable }');
    expect(result.errors).toEqual([{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['notIterable'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(logLines.some((line) => line.includes('Expected Iterable'))).toBe(true);
  });

  it('masks and logs an upstream refusal of a request the gateway built (405, 415)', async () => {
    logLines.length = 0;
    const { result } = await run('{ refusedByUpstream }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', upstream: { service: 'NUMBERS', httpStatus: 415, message: null, retryable: false } },
    });
    expect(JSON.stringify(result)).not.toContain('unsupported media type');
    expect(logLines.some((line) => line.includes('"level":50') && line.includes('refused a request the gateway built'))).toBe(true);
  });

  it('logs upstream failures an operator must act on at warn, and still returns them typed', async () => {
    logLines.length = 0;
    const { result } = await run('{ credentialsRefused }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', upstream: { service: 'AUTH', httpStatus: 401 } });
    expect(logLines.some((line) => line.includes('"level":40') && line.includes('UPSTREAM_AUTH_FAILED'))).toBe(true);
  });
});
