import { Kind, getNamedType, isCompositeType, isListType, isNonNullType, isObjectType, isInterfaceType } from 'graphql';
import type {
  DirectiveNode,
  FieldNode,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLOutputType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

/** What the abuse limits look at, for one operation with every fragment expanded. */
export interface OperationMeasurement {
  /** Fields on the longest path from the root, leaves included; fragments add no level. */
  depth: number;
  /** The estimated cost (see `fieldCost`). */
  cost: number;
  /** Aliased fields. */
  aliases: number;
  /** Directive usages (`@include`, `@skip`, ...), on the operation, its fields and its fragments. */
  directives: number;
}

/** Arguments whose value is the size of the list a field returns. */
const LIST_SIZE_ARGUMENTS = new Set(['first', 'last']);
/**
 * The size assumed when the client does not write it down: a variable (validation runs once per
 * document, before variables are known, and the result is cached) or an omitted argument (the
 * largest default page size in the schema is 50).
 */
export const ASSUMED_PAGE_SIZE = 50;
/** The size assumed for a list field that takes no size argument (`SipTrunk.endpoints`). */
export const ASSUMED_LIST_SIZE = 10;

const ZERO: OperationMeasurement = { depth: 0, cost: 0, aliases: 0, directives: 0 };

/**
 * Measures every operation of a document. Each fragment is measured once and its measurement reused at every
 * spread (a fragment means the same thing wherever it is spread, since its type condition fixes
 * its type), so a document that spreads fragments exponentially is still measured in linear
 * time; the totals themselves do grow exponentially, which is what the limits are there to
 * catch. Fragment cycles and unknown fields or fragments measure zero: graphql-js's own rules
 * report them.
 *
 * Introspection fields (`__schema`, `__type`) add no depth or cost: introspection is switched on
 * or off as a whole (`GRAPHQL_INTROSPECTION`), and the standard introspection query is deep.
 */
export function measureOperations(schema: GraphQLSchema, document: DocumentNode): Map<OperationDefinitionNode, OperationMeasurement> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, OperationMeasurement>();
  const inProgress = new Set<string>();

  const measureFragment = (name: string): OperationMeasurement => {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (fragment === undefined || inProgress.has(name)) return ZERO;
    inProgress.add(name);
    const inner = measureSelectionSet(fragment.selectionSet, compositeType(schema, fragment.typeCondition.name.value));
    inProgress.delete(name);
    const result = { ...inner, directives: inner.directives + count(fragment.directives) };
    measured.set(name, result);
    return result;
  };

  const measureSelectionSet = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType | undefined): OperationMeasurement => {
    const total = { ...ZERO };
    for (const selection of selectionSet.selections) {
      total.directives += count(selection.directives);
      let inner: OperationMeasurement;
      if (selection.kind === Kind.FIELD) {
        inner = measureField(selection, parentType);
        total.aliases += selection.alias === undefined ? 0 : 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition === undefined ? parentType : compositeType(schema, selection.typeCondition.name.value);
        inner = measureSelectionSet(selection.selectionSet, type);
      } else {
        inner = measureFragment(selection.name.value);
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.cost += inner.cost;
      total.aliases += inner.aliases;
      total.directives += inner.directives;
    }
    return total;
  };

  const measureField = (field: FieldNode, parentType: GraphQLCompositeType | undefined): OperationMeasurement => {
    const definition = fieldDefinition(parentType, field.name.value);
    const childType = definition === undefined ? undefined : getNamedType(definition.type);
    const inner = field.selectionSet === undefined ? ZERO : measureSelectionSet(field.selectionSet, isCompositeType(childType) ? childType : undefined);
    if (field.name.value.startsWith('__')) {
      return { depth: 0, cost: 0, aliases: inner.aliases, directives: inner.directives };
    }
    const cost = field.selectionSet === undefined ? 0 : listMultiplier(field, definition, parentType) * (1 + inner.cost);
    return { depth: 1 + inner.depth, cost, aliases: inner.aliases, directives: inner.directives };
  };

  const result = new Map<OperationDefinitionNode, OperationMeasurement>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = measureSelectionSet(definition.selectionSet, schema.getRootType(definition.operation) ?? undefined);
    result.set(definition, { ...root, directives: root.directives + count(definition.directives) });
  }
  return result;
}

/**
 * The cost model: a field with a selection set costs 1 plus what it selects, times the number
 * of items it may return. Leaves cost nothing (they come with their object). The item count is
 * a `first`/`last` argument written as a literal, else ASSUMED_PAGE_SIZE for a paginated field;
 * ASSUMED_LIST_SIZE for any other list, except the `nodes`/`edges` of a connection, which the
 * connection's own `first` already counted.
 */
function listMultiplier(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, parentType: GraphQLCompositeType | undefined): number {
  const sizeArgument = definition?.args.find((argument) => LIST_SIZE_ARGUMENTS.has(argument.name));
  if (sizeArgument !== undefined) {
    const written = field.arguments?.find((argument) => argument.name.value === sizeArgument.name)?.value;
    return written?.kind === Kind.INT ? Math.max(1, Number.parseInt(written.value, 10)) : ASSUMED_PAGE_SIZE;
  }
  if (definition === undefined || !isList(definition.type)) return 1;
  return parentType?.name.endsWith('Connection') === true ? 1 : ASSUMED_LIST_SIZE;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function fieldDefinition(parentType: GraphQLCompositeType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

function compositeType(schema: GraphQLSchema, name: string): GraphQLCompositeType | undefined {
  const type = schema.getType(name);
  return isCompositeType(type) ? type : undefined;
}

function count(directives: readonly DirectiveNode[] | undefined): number {
  return directives?.length ?? 0;
}
