import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { BREAK, execute, getVariableValues, GraphQLError, Kind, visit } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

export interface CompiledExecutionOptions {
  schema: GraphQLSchema;
  /**
   * A document is compiled on its `compileAfter`-th execution (counted per document); before
   * that, and always when 0, graphql-js executes it.
   */
  compileAfter: number;
  /** Most documents whose compiled operations are kept (least recently used first out). */
  maxCompiledDocuments?: number;
  /** Called once per compiled (document, operation). */
  onCompiled?: () => void;
  /** Runs each execution inside whatever it needs (the trace context of its operation span). */
  around?: <T>(contextValue: unknown, execute: () => T) => T;
  /**
   * Documents prepared at start-up (the trusted documents): compiled now, kept for good, and
   * used whenever a request runs one of these very `DocumentNode`s (Apollo's document store
   * hands the same object to every request naming it). Not compiled when `compileAfter` is 0.
   */
  pinnedDocuments?: readonly DocumentNode[];
}

/** Compiled operations by operation name (`''`: the document's only operation); `null`: runs on graphql-js. */
type CompiledOperations = Map<string, CompiledQuery | null>;

const DEFAULT_MAX_COMPILED_DOCUMENTS = 500;

/**
 * Executes operations with graphql-jit once they have proved to be repeated, and with graphql-js
 * until then (docs/architecture.md, docs/benchmarks.md).
 *
 * graphql-jit turns an operation into a JavaScript function specialised to its selection set:
 * no per-field interpretation of the document, far fewer promises and much less garbage; on a
 * page of 100 numbers it takes about a fifth off the gateway's CPU per operation. Compiling
 * costs about two validations, so a document is compiled only on its `compileAfter`-th
 * execution: documents sent once (exploration in Sandbox, a flood of unique documents) never
 * pay for it. A compiled operation weighs some tens of kilobytes, far more than the parsed
 * document Apollo Server sizes its document cache by, so compiled documents are kept in a cache
 * of their own, bounded by count.
 *
 * Apollo Server runs a custom executor through its gateway interface. Parsing, validation
 * (including this gateway's depth, cost and alias rules), plugins and `formatError` stay
 * Apollo's; only execution is replaced.
 */
export function compiledExecution(options: CompiledExecutionOptions): GatewayInterface {
  const { schema, compileAfter } = options;
  const maxDocuments = options.maxCompiledDocuments ?? DEFAULT_MAX_COMPILED_DOCUMENTS;
  const executions = new WeakMap<DocumentNode, number>();
  // Least recently used out first; `get` counts as a use.
  const compiledDocuments = new LRUCache<DocumentNode, CompiledOperations>({ max: maxDocuments });
  const pinned = new Map<DocumentNode, CompiledOperations>();

  const compileOperation = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    const outcome = mayCompile(document) ? compileQuery(schema, document, operationName) : undefined;
    const compiled = outcome !== undefined && isCompiledQuery(outcome) ? outcome : null;
    if (compiled !== null) {
      options.onCompiled?.();
    }
    return compiled;
  };
  if (compileAfter > 0) {
    for (const document of options.pinnedDocuments ?? []) {
      const operations: CompiledOperations = new Map();
      const definitions = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
      const names = definitions.map((definition) => definition.name?.value);
      for (const definition of definitions) {
        const name = definition.name?.value;
        // Subscriptions run over graphql-ws, on graphql-js; over HTTP, as today, on graphql-js too.
        const compiled = definition.operation === 'subscription' ? null : compileOperation(document, name);
        if (name !== undefined) operations.set(name, compiled);
        // The document's only operation also runs when the request names none.
        if (names.length === 1) operations.set('', compiled);
      }
      pinned.set(document, operations);
    }
  }

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    if (compileAfter <= 0) {
      return null;
    }
    const pinnedOperations = pinned.get(document);
    if (pinnedOperations !== undefined) {
      return pinnedOperations.get(operationName ?? '') ?? null;
    }
    const count = (executions.get(document) ?? 0) + 1;
    executions.set(document, count);
    let operations = compiledDocuments.get(document);
    const key = operationName ?? '';
    const known = operations?.get(key);
    if (known !== undefined || count < compileAfter) {
      return known ?? null;
    }
    const compiled = compileOperation(document, operationName);
    if (operations === undefined) {
      operations = new Map();
      compiledDocuments.set(document, operations);
    }
    operations.set(key, compiled);
    return compiled;
  };

  const executeOperation = async (requestContext: Parameters<GatewayExecutor>[0]): ReturnType<GatewayExecutor> => {
    const { document, context } = requestContext;
    const variables = requestContext.request.variables ?? {};
    // The name the client asked for, as graphql-js is given it when Apollo executes: Apollo's
    // own `operationName` is null when that name matches no operation of the document, and
    // graphql-js would then run the document's only operation instead of refusing.
    const operationName = requestContext.request.operationName ?? undefined;
    const operation = requestContext.operation as typeof requestContext.operation | undefined;
    const compiled = operation === undefined ? null : compiledFor(document, operationName);
    if (compiled === null || operation === undefined || !variablesMayRunCompiled(variables)) {
      return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    }
    // graphql-jit coerces variables too, but words a custom scalar's refusal as "Expected type
    // PhoneNumber." where graphql-js passes on the scalar's own explanation: graphql-js checks
    // them first (a few microseconds), so that a refusal reads the same whichever engine runs.
    const definitions = operation.variableDefinitions;
    if (definitions !== undefined && definitions.length > 0) {
      const coerced = getVariableValues(schema, definitions, variables, { maxErrors: 50 });
      if (coerced.errors !== undefined) {
        return { errors: coerced.errors };
      }
    }
    const result = await compiled.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  const around = options.around;
  const executor: GatewayExecutor =
    around === undefined ? executeOperation : (requestContext) => around(requestContext.context, () => executeOperation(requestContext));

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
 * graphql-jit 0.8.9 writes the literal arguments of a document into the code it generates, as
 * JSON in which it then replaces its own markers (`"__MAGIC_DATE__<uuid>…"` becomes
 * `new Date(…)`, the rest of the string unescaped): any client text holding the marker would be
 * code, whatever literal carries it (a string, an enum value such as `{ a: __MAGIC_DATE__…x }`
 * in a `JSONObject`, an object field name, at any depth of lists and objects, a variable's
 * default). Rather than follow where graphql-jit puts each kind of literal, the rule is
 * positional-free: a document whose source text, or any string, name or value of whose syntax
 * tree (escape sequences decoded, so `\u005F` cannot hide it), holds the marker's prefix in any
 * letter case is never compiled; graphql-js executes it.
 */
export function mayCompile(document: DocumentNode): boolean {
  const source = document.loc?.source.body;
  if (source !== undefined && holdsMarker(source)) return false;
  let safe = true;
  visit(document, {
    enter(node) {
      const value = (node as { value?: unknown }).value;
      if (typeof value === 'string' && holdsMarker(value)) {
        safe = false;
        return BREAK;
      }
      return undefined;
    },
  });
  return safe;
}

/**
 * Variables are coerced at run time and never written into generated code by graphql-jit
 * 0.8.9; an operation whose variables (names or values, at any depth) hold the marker runs on
 * graphql-js all the same, so that no later version's code generation can make them code.
 */
export function variablesMayRunCompiled(variables: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(variables).length === 0 || !holdsMarker(JSON.stringify(variables));
}

const JIT_MARKER_PREFIX = '__magic_';

function holdsMarker(text: string): boolean {
  return text.toLowerCase().includes(JIT_MARKER_PREFIX);
}

/**
 * graphql-jit's errors inherit from GraphQLError but are built without its constructor: no
 * `extensions` object when the original error has none, which Apollo Server's error
 * normalisation needs. The same error, made by the real constructor; locations kept.
 */
export function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions ?? {} });
  (rebuilt as { locations: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}
