import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getVariableValues, GraphQLError } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { CompiledQuery } from 'graphql-jit';

export interface CompiledExecutionOptions {
  schema: GraphQLSchema;
  /**
   * A document is compiled on its `compileAfter`-th execution (per operation name); before
   * that, and always when 0, graphql-js executes it.
   */
  compileAfter: number;
  /** Called once per compiled (document, operation). */
  onCompiled?: () => void;
}

/** What the executor knows of one parsed document: how often it ran, and its compiled operations. */
interface DocumentState {
  executions: number;
  /** By operation name (`''` for an anonymous operation); `null`: graphql-jit refused it, graphql-js runs it. */
  compiled: Map<string, CompiledQuery | null>;
}

/**
 * Executes operations with graphql-jit once they have proved to be repeated, and with graphql-js
 * until then (docs/benchmarks.md has the measurements behind it).
 *
 * graphql-jit turns an operation into a JavaScript function specialised to its selection set:
 * no per-field interpretation of the document, far fewer promises and much less garbage; on a
 * page of 100 numbers it takes a quarter off the gateway's CPU per operation. Compiling costs
 * about two validations, so a document is compiled only on its `compileAfter`-th execution:
 * operations sent once (exploration in Sandbox, a flood of unique documents) never pay for it,
 * the application's own operations do once. Compiled functions hang off the parsed document,
 * which Apollo Server keeps in its bounded LRU document store: they are dropped with it.
 *
 * Apollo Server runs a custom executor through its gateway interface. Parsing, validation
 * (including this gateway's depth, cost and alias rules), plugins and `formatError` stay
 * Apollo's; only execution is replaced.
 */
export function compiledExecution(options: CompiledExecutionOptions): GatewayInterface {
  const { schema, compileAfter } = options;
  const documents = new WeakMap<DocumentNode, DocumentState>();

  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    if (compileAfter <= 0) {
      return null;
    }
    let state = documents.get(document);
    if (state === undefined) {
      state = { executions: 0, compiled: new Map() };
      documents.set(document, state);
    }
    state.executions += 1;
    const key = operationName ?? '';
    let compiled = state.compiled.get(key);
    if (compiled === undefined && state.executions >= compileAfter) {
      const outcome = compileQuery(schema, document, operationName ?? undefined);
      compiled = isCompiledQuery(outcome) ? outcome : null;
      state.compiled.set(key, compiled);
      if (compiled !== null) {
        options.onCompiled?.();
      }
    }
    return compiled ?? null;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operationName, context } = requestContext;
    const variables = requestContext.request.variables ?? {};
    const compiled = compiledFor(document, operationName);
    if (compiled === null) {
      return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    }
    // graphql-jit coerces variables too, but words a custom scalar's refusal as "Expected type
    // PhoneNumber." where graphql-js passes on the scalar's own explanation: graphql-js checks
    // them first (a few microseconds), so that a refusal reads the same whichever engine runs.
    const definitions = requestContext.operation.variableDefinitions;
    if (definitions !== undefined && definitions.length > 0) {
      const coerced = getVariableValues(schema, definitions, variables, { maxErrors: 50 });
      if (coerced.errors !== undefined) {
        return { errors: coerced.errors };
      }
    }
    const result = await compiled.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors inherit from GraphQLError but are built without its constructor: no
 * `extensions` object when the original error has none, which Apollo Server's error
 * normalisation needs. The same error, made by the real constructor; locations kept.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions ?? {} });
  (rebuilt as { locations: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}
