import { Kind } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { CompiledQuery } from 'graphql-jit';
import { mayCompile } from '../execution/compiledExecution.js';
import { measureOperations } from '../../server/queryLimits/measureOperations.js';
import { documentHash } from '../../observability/tracing/documentHash.js';
import type { DocumentHash } from '../../observability/tracing/documentHash.js';
import type { TrustedDocument } from './TrustedDocuments.js';

/**
 * What a trusted operation needs at request time, worked out once at start-up, so that a
 * request naming it does only what depends on the request: coerce its variables, execute, write
 * the answer (trustedFastPath.ts).
 */
export interface PreparedOperation {
  trusted: TrustedDocument;
  operation: OperationDefinitionNode;
  /** graphql-jit's function for the operation; null: graphql-js executes it (jit off, or a document it may not compile). */
  compiled: CompiledQuery | null;
  /**
   * The `projectId` of every root field, when no variable or directive can change them (the
   * usual case: no root field names a project, so every entry is undefined); undefined when
   * they must be read with each request's variables (`rootFieldProjectIds`).
   */
  staticProjectIds: Array<string | undefined> | undefined;
  /** Whether a variable sizes a list (`first: $n`): only then is the cost priced again per request. */
  costByVariables: boolean;
  /** `graphql.document.sha256` of the operation span. */
  hash: DocumentHash;
}

/**
 * Prepares every trusted query and mutation. Subscriptions are left out: they run over
 * graphql-ws, and over HTTP Apollo Server answers them as it always has.
 */
export function prepareOperations(schema: GraphQLSchema, documents: readonly TrustedDocument[], options: { compile: boolean }): Map<TrustedDocument, PreparedOperation> {
  const prepared = new Map<TrustedDocument, PreparedOperation>();
  for (const trusted of documents) {
    const operation = trusted.document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    if (operation === undefined || operation.operation === 'subscription') continue;
    const outcome = options.compile && mayCompile(trusted.document) ? compileQuery(schema, trusted.document, operation.name?.value) : undefined;
    const compiled = outcome !== undefined && isCompiledQuery(outcome) ? outcome : null;
    prepared.set(trusted, {
      trusted,
      operation,
      compiled,
      staticProjectIds: staticRootProjectIds(trusted.document, operation),
      costByVariables: (operation.variableDefinitions ?? []).length > 0 && (measureOperations(schema, trusted.document).get(operation)?.sizedByVariables ?? true),
      hash: documentHash(trusted.body, trusted.document, trusted.id),
    });
  }
  return prepared;
}

/**
 * The root fields' `projectId`s when the document alone decides them: no root selection
 * carries a directive (`@skip`/`@include` may depend on a variable), and every `projectId`
 * argument is a string literal. Undefined otherwise.
 */
function staticRootProjectIds(document: DocumentNode, operation: OperationDefinitionNode): Array<string | undefined> | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const projectIds: Array<string | undefined> = [];
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): boolean => {
    for (const selection of selectionSet.selections) {
      if ((selection.directives ?? []).length > 0) return false;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const argument = selection.arguments?.find((each) => each.name.value === 'projectId');
        if (argument === undefined) {
          projectIds.push(undefined);
        } else if (argument.value.kind === Kind.STRING) {
          projectIds.push(argument.value.value);
        } else {
          return false;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!walk(selection.selectionSet)) return false;
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment === undefined) return false;
        if ((fragment.directives ?? []).length > 0) return false;
        if (visited.has(fragment.name.value)) continue;
        visited.add(fragment.name.value);
        if (!walk(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  return walk(operation.selectionSet) ? projectIds : undefined;
}
