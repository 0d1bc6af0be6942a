import { getDirectiveValues, getVariableValues, GraphQLID, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, valueFromAST } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/**
 * The `projectId` argument of every root field the operation will execute, with variables
 * applied: a string, or undefined where the field names no project. Fields excluded by
 * `@skip`/`@include` do not count, nor do introspection fields, which have no project.
 * Returns undefined when the variables do not coerce: execution will refuse the operation
 * with its own error before any resolver runs.
 */
export function rootFieldProjectIds(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Array<string | undefined> | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors !== undefined) return undefined;
  const variableValues = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const projectIds: Array<string | undefined> = [];
  const visited = new Set<string>();

  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (getDirectiveValues(GraphQLSkipDirective, selection, variableValues)?.['if'] === true) continue;
      if (getDirectiveValues(GraphQLIncludeDirective, selection, variableValues)?.['if'] === false) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const argument = selection.arguments?.find((each) => each.name.value === 'projectId');
        const value = argument === undefined ? undefined : valueFromAST(argument.value, GraphQLID, variableValues);
        projectIds.push(typeof value === 'string' ? value : undefined);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment !== undefined && !visited.has(fragment.name.value)) {
          visited.add(fragment.name.value);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return projectIds;
}
