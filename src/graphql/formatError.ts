import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ERROR_CODES } from '../errors/ErrorCode.js';
import { GatewayError } from '../errors/GatewayError.js';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import { isServerError, UpstreamError } from '../upstream/UpstreamError.js';
import { describeTokenLimit } from './describeTokenLimit.js';

/**
 * The one place where errors become GraphQL errors. Upstream errors keep their typed
 * `extensions.upstream`; gateway errors keep their code; anything unexpected is logged and
 * masked as INTERNAL_SERVER_ERROR. Nothing is ever put under `extensions.http`, which Apollo
 * Server would turn into the HTTP status of the whole (partial) response.
 */
export function createFormatError(logger: Logger, options: FormatErrorOptions = {}) {
  const formatOne = formatErrorWith(logger);
  if (options.hideSuggestions !== true) {
    return formatOne;
  }
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = formatOne(formatted, error);
    return { ...result, message: withoutSuggestions(result.message) };
  };
}

export interface FormatErrorOptions {
  /**
   * Remove graphql-js's "Did you mean …?" from every message (production): they spell out field,
   * argument, type and enum names of the schema to anyone probing it. Apollo Server's own
   * `hideSchemaDetailsFromClientErrors` covers validation errors over HTTP only, not bad
   * variable values nor anything sent over WebSocket; this covers every error of both.
   */
  hideSuggestions?: boolean;
}

/** graphql-js appends its suggestions (`didYouMean`) at the very end of a message. */
const SUGGESTION = / ?Did you mean .*\?$/s;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

function formatErrorWith(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const place = { locations: formatted.locations, path: formatted.path };

    if (original instanceof UpstreamError) {
      if (original.code === 'INTERNAL_SERVER_ERROR') {
        // A request the upstream does not accept (405, 415) is the gateway's defect: logged with
        // every detail. The client still learns which service refused it and with which status,
        // but not the upstream's text about the request the gateway built.
        logger.error({ err: original, path: formatted.path, service: original.service, endpoint: original.endpoint }, 'an upstream API refused a request the gateway built');
        const { upstream } = upstreamExtensions(original);
        return { ...masked(place), extensions: { code: 'INTERNAL_SERVER_ERROR', upstream: { ...(upstream as object), message: null, details: [] } } };
      }
      if (OPERATOR_CODES.has(original.code)) {
        // Not the caller's doing and not transient: someone must fix credentials or a contract.
        logger.warn({ code: original.code, service: original.service, endpoint: original.endpoint, httpStatus: original.httpStatus }, original.message);
      }
      return { message: original.message, ...place, extensions: upstreamExtensions(original) };
    }
    if (original instanceof InvalidInputError) {
      return { message: original.message, ...place, extensions: { code: 'BAD_USER_INPUT', argumentName: original.argumentName } };
    }
    if (original instanceof GatewayError) {
      return { message: original.message, ...place, extensions: { ...withoutTransportFields(original.extensions), code: original.code } };
    }
    // Only a GraphQLError can carry a code on purpose: a plain Error thrown by some library with
    // an `extensions.code` property is still unexpected, and its message is not safe to return.
    const code = formatted.extensions?.['code'];
    // INTERNAL_SERVER_ERROR is what Apollo gives graphql-js's own execution errors ("Expected
    // Iterable..."): those are defects too, never passed through. A code outside the ErrorCode
    // enum (a library's new one) is never passed through either: clients may rely on the enum
    // being every code they can receive (test/errors/everyErrorCode.test.ts).
    if (isGraphQLError(original) && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && Object.hasOwn(ERROR_CODES, code)) {
      const passed = { message: formatted.message, ...place, extensions: { ...withoutTransportFields(formatted.extensions ?? {}), code } };
      return code === 'GRAPHQL_PARSE_FAILED' ? describeTokenLimit(passed, original.source?.body) : passed;
    }
    const persistedQueryError = isGraphQLError(original) && original.extensions['code'] === undefined ? PERSISTED_QUERY_ERRORS.get(original.message) : undefined;
    if (persistedQueryError !== undefined) {
      return { message: persistedQueryError.message, ...place, extensions: { code: persistedQueryError.code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while executing an operation');
    return masked(place);
  };
}

/**
 * Apollo Server refuses these persisted-query requests with a GraphQLError that has an HTTP 400
 * but no code (`requestPipeline.js`), so they would be masked and logged as gateway defects.
 * They are the client's mistakes; matched by Apollo's exact message, which
 * `test/server/persistedQueries.test.ts` pins.
 */
const PERSISTED_QUERY_ERRORS = new Map<string, { code: string; message: string }>([
  [
    'provided sha does not match query',
    { code: 'PERSISTED_QUERY_HASH_MISMATCH', message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.' },
  ],
  ['Unsupported persisted query version', { code: 'BAD_REQUEST', message: 'Unsupported persisted query version: send extensions.persistedQuery.version 1.' }],
]);

/** Upstream failures an operator has to act on; logged at warn whatever the log level. */
const OPERATOR_CODES = new Set<string>(['UPSTREAM_AUTH_FAILED', 'UPSTREAM_MISCONFIGURED', 'UPSTREAM_BAD_RESPONSE']);

function masked(place: Pick<GraphQLFormattedError, 'locations' | 'path'>): GraphQLFormattedError {
  return { message: 'Internal server error', ...place, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export function upstreamExtensions(error: UpstreamError): Record<string, unknown> {
  // For a 5xx the upstream's words stay in the gateway: its status and code say enough.
  const relayText = !isServerError(error.httpStatus);
  return {
    code: error.code,
    upstream: {
      service: error.service,
      httpStatus: error.httpStatus ?? null,
      status: error.status ?? null,
      code: error.upstreamCode ?? null,
      message: relayText ? (error.upstreamMessage ?? null) : null,
      reference: error.reference ?? null,
      details: relayText ? error.details : [],
      retryable: error.retryable,
      retryAfterSeconds: error.retryAfterSeconds ?? null,
    },
  };
}

/**
 * By its tag rather than `instanceof`: graphql ships both CommonJS and ESM builds, and an error
 * created by one is not an instance of the other's class (the dual-package hazard).
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError || Object.prototype.toString.call(error) === '[object GraphQLError]';
}

/** `http` would set the HTTP status of the whole response; `stacktrace` is never returned. */
function withoutTransportFields(extensions: Record<string, unknown>): Record<string, unknown> {
  const { stacktrace: _stacktrace, http: _http, ...rest } = extensions;
  return rest;
}
