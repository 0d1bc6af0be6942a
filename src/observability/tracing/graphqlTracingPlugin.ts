import type { ApolloServerPlugin } from '@apollo/server';
import { context as contextApi, SpanStatusCode } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import type { GraphQLFormattedError } from 'graphql';
import { documentHash } from './documentHash.js';
import type { GatewayTracing } from './GatewayTracing.js';
import type { OperationTrace } from './OperationTrace.js';
import { ATTR_GRAPHQL_DOCUMENT_HASHED, ATTR_GRAPHQL_DOCUMENT_SHA256, ATTR_GRAPHQL_ERROR_CODES, ATTR_GRAPHQL_OPERATION_NAME, ATTR_GRAPHQL_OPERATION_TYPE } from './spanAttributes.js';

/** The span name before (or without) a resolved operation, as the GraphQL semantic conventions name it. */
const UNRESOLVED_NAME = 'GraphQL Operation';

/**
 * One INTERNAL span per GraphQL operation, a child of the HTTP request's span: named
 * `query NumberByPhone` (type and name), with the SHA-256 of the document (`documentHash`) and
 * never its text or variables. Its resolvers, loaders and upstream calls run inside it (the
 * executor is wrapped with `runInOperation`). Errors set the span's status to the first error's
 * `extensions.code` and list every distinct code in `graphql.error.codes`; the messages stay out.
 */
export function graphqlTracingPlugin<TContext extends { trace?: OperationTrace }>(tracing: GatewayTracing): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const holder = contextValue.trace;
      if (holder === undefined) return undefined;
      const { span, context } = tracing.start(UNRESOLVED_NAME, {}, holder.context);
      holder.context = context;
      return {
        async didResolveOperation({ operation, operationName, queryHash, source, document }) {
          if (operation === undefined) return;
          const type = operation.operation;
          span.updateName(operationName === null ? type : `${type} ${operationName}`);
          span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
          if (operationName !== null) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, operationName);
          const hash = documentHash(source, document, queryHash);
          span.setAttribute(ATTR_GRAPHQL_DOCUMENT_SHA256, hash.sha256);
          span.setAttribute(ATTR_GRAPHQL_DOCUMENT_HASHED, hash.hashed);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          recordErrors(span, errors);
          span.end();
        },
      };
    },
  };
}

/** Sets the status of `span` from GraphQL errors: the first `extensions.code`, and every distinct one. */
export function recordErrors(span: Span, errors: readonly GraphQLFormattedError[] | undefined): void {
  if (errors === undefined || errors.length === 0) return;
  const codes = [...new Set(errors.map((error) => (typeof error.extensions?.['code'] === 'string' ? error.extensions['code'] : 'INTERNAL_SERVER_ERROR')))];
  span.setAttribute(ATTR_GRAPHQL_ERROR_CODES, codes);
  span.setAttribute(ATTR_ERROR_TYPE, codes[0] ?? 'INTERNAL_SERVER_ERROR');
  span.setStatus({ code: SpanStatusCode.ERROR, message: codes[0] });
}

/** The executor's work, inside the operation span of its request (when the request is traced). */
export function runInOperation<T>(contextValue: unknown, execute: () => T): T {
  const holder = (contextValue as { trace?: OperationTrace } | undefined)?.trace;
  return holder === undefined ? execute() : contextApi.with(holder.context, execute);
}
