import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLError } from 'graphql';
import { InvalidScalarValueError } from '../errors/InvalidScalarValueError.js';
import { argumentNameOf } from './argumentNameOf.js';

/**
 * A value a custom scalar refuses is `BAD_USER_INPUT` with `extensions.argumentName`, whether it
 * came inline (graphql-js reports it while validating, which Apollo codes
 * GRAPHQL_VALIDATION_FAILED) or through a variable (reported while coercing variables, which
 * Apollo codes BAD_USER_INPUT, without the argument). Both stay HTTP 400, before execution.
 */
export function invalidInputPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, document }) {
          if (document !== undefined) nameInvalidArguments(document, errors);
        },
      };
    },
  };
}

/**
 * Rewrites, in place, the errors caused by a refused scalar value: they are about to be
 * formatted, and their `extensions` are their own objects. Used for graphql-ws too.
 */
export function nameInvalidArguments(document: DocumentNode, errors: readonly GraphQLError[]): void {
  for (const error of errors) {
    if (!causedByInvalidScalar(error)) continue;
    const node = error.nodes?.[0];
    const argumentName = node === undefined ? undefined : argumentNameOf(document, node);
    const extensions = error.extensions as Record<string, unknown>;
    extensions['code'] = 'BAD_USER_INPUT';
    if (argumentName !== undefined) extensions['argumentName'] = argumentName;
  }
}

/**
 * graphql-js wraps a scalar's refusal once for a literal, twice for a variable (the coercion
 * error, then the variable's), and Apollo once more: the refusal is somewhere down the chain.
 */
function causedByInvalidScalar(error: Error): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof InvalidScalarValueError) return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}
