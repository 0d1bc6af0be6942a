import { Kind, getNamedType, isCompositeType, isListType, isNonNullType, isObjectType, isInterfaceType } from 'graphql';
import type {
  DirectiveNode,
  FieldNode,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLArgument,
  GraphQLField,
  GraphQLOutputType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
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
  /**
   * Whether a list size came from a variable whose value was not known (measured without
   * variables, as validation does): the cost is then a lower bound, priced again with the
   * request's variables before execution (`operationCostError`).
   */
  sizedByVariables: boolean;
}

/** The variables of one request, as sent; absent during validation, which runs once per document. */
export type RequestVariables = Readonly<Record<string, unknown>>;

/** Arguments whose value is the size of the list a field returns. */
const LIST_SIZE_ARGUMENTS = new Set(['first', 'last']);
/**
 * The size assumed for a size argument that has no default in the schema and is left out (every
 * `first` of this schema has one; this is for a field added without).
 */
export const ASSUMED_PAGE_SIZE = 50;
/** The size assumed for a list field that takes no size argument (`SipTrunk.endpoints`). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Fields whose upstream cost is not what they select: `provisioningReport` reads every page of a
 * project's numbers (up to 100 list calls) whatever it selects, so it is priced at half the
 * default GRAPHQL_MAX_COST on top of its selection: one per operation, and aliasing it twice is
 * refused as MAX_COST_EXCEEDED before anything runs.
 */
export const FIXED_FIELD_COSTS: ReadonlyMap<string, number> = new Map([['Query.provisioningReport', 5_000]]);

const ZERO: OperationMeasurement = { depth: 0, cost: 0, aliases: 0, directives: 0, sizedByVariables: false };

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
export function measureOperations(schema: GraphQLSchema, document: DocumentNode, variables?: RequestVariables): Map<OperationDefinitionNode, OperationMeasurement> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // Per operation: a fragment's sizes may come from the variables of the operation spreading it.
  let measured = new Map<string, OperationMeasurement>();
  const inProgress = new Set<string>();
  let sizes: SizeReader = () => ({ size: ASSUMED_PAGE_SIZE, fromVariable: false });

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
      total.sizedByVariables ||= inner.sizedByVariables;
    }
    return total;
  };

  const measureField = (field: FieldNode, parentType: GraphQLCompositeType | undefined): OperationMeasurement => {
    const definition = fieldDefinition(parentType, field.name.value);
    const childType = definition === undefined ? undefined : getNamedType(definition.type);
    const inner = field.selectionSet === undefined ? ZERO : measureSelectionSet(field.selectionSet, isCompositeType(childType) ? childType : undefined);
    if (field.name.value.startsWith('__')) {
      return { ...inner, depth: 0, cost: 0 };
    }
    if (field.selectionSet === undefined) {
      return { ...inner, depth: 1 + inner.depth, cost: 0 };
    }
    const multiplier = listMultiplier(field, definition, parentType, sizes);
    const fixed = parentType === undefined ? 0 : (FIXED_FIELD_COSTS.get(`${parentType.name}.${field.name.value}`) ?? 0);
    return { ...inner, depth: 1 + inner.depth, cost: fixed + multiplier.size * (1 + inner.cost), sizedByVariables: inner.sizedByVariables || multiplier.fromVariable };
  };

  const result = new Map<OperationDefinitionNode, OperationMeasurement>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    measured = new Map();
    sizes = sizeReader(definition, variables);
    const root = measureSelectionSet(definition.selectionSet, schema.getRootType(definition.operation) ?? undefined);
    result.set(definition, { ...root, directives: root.directives + count(definition.directives) });
  }
  return result;
}

/** The item count a size argument's value stands for, and whether it came from a variable. */
type SizeReader = (value: ValueNode | undefined, argument: GraphQLArgument) => { size: number; fromVariable: boolean };

/**
 * How the size arguments of one operation are read:
 *
 * - an integer literal is its value;
 * - a variable is the request's value for it; when the request omits it, the default of the
 *   variable's definition; when that is absent too (or the value is null), the argument's own
 *   default. Measured without variables (validation), a variable counts 1 (a lower bound: a
 *   request may give any value) and the measurement is marked `sizedByVariables`;
 * - an omitted argument, or null, is the argument's default in the schema (`first: Int = 100`),
 *   ASSUMED_PAGE_SIZE for an argument without one.
 *
 * A value that is not a positive integer counts 1: the resolver refuses it.
 */
function sizeReader(operation: OperationDefinitionNode, variables: RequestVariables | undefined): SizeReader {
  const defaults = new Map<string, ValueNode | undefined>();
  for (const definition of operation.variableDefinitions ?? []) defaults.set(definition.variable.name.value, definition.defaultValue);
  const schemaDefault = (argument: GraphQLArgument) => (typeof argument.defaultValue === 'number' ? argument.defaultValue : ASSUMED_PAGE_SIZE);
  const literal = (value: ValueNode | undefined, argument: GraphQLArgument): number =>
    value === undefined || value.kind === Kind.NULL ? schemaDefault(argument) : value.kind === Kind.INT ? Number.parseInt(value.value, 10) : 1;
  return (value, argument) => {
    if (value?.kind !== Kind.VARIABLE) return { size: atLeastOne(literal(value, argument)), fromVariable: false };
    const name = value.name.value;
    // Validation: any request may give any value, whatever the variable's default.
    if (variables === undefined) return { size: 1, fromVariable: true };
    const given = variables[name];
    if (given === undefined) return { size: atLeastOne(literal(defaults.get(name), argument)), fromVariable: true };
    if (given === null) return { size: atLeastOne(schemaDefault(argument)), fromVariable: true };
    return { size: typeof given === 'number' && Number.isInteger(given) ? atLeastOne(given) : 1, fromVariable: true };
  };
}

function atLeastOne(size: number): number {
  return Number.isFinite(size) ? Math.max(1, size) : 1;
}

/**
 * The cost model: a field with a selection set costs 1 plus what it selects, times the number
 * of items it may return. Leaves cost nothing (they come with their object). The item count is
 * the `first`/`last` argument as `sizeReader` reads it for a paginated field; ASSUMED_LIST_SIZE
 * for any other list, except the `nodes`/`edges` of a connection, which the connection's own
 * `first` already counted.
 */
function listMultiplier(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  parentType: GraphQLCompositeType | undefined,
  sizes: SizeReader,
): { size: number; fromVariable: boolean } {
  const sizeArgument = definition?.args.find((argument) => LIST_SIZE_ARGUMENTS.has(argument.name));
  if (sizeArgument !== undefined) {
    return sizes(field.arguments?.find((argument) => argument.name.value === sizeArgument.name)?.value, sizeArgument);
  }
  if (definition === undefined || !isList(definition.type)) return { size: 1, fromVariable: false };
  return { size: parentType?.name.endsWith('Connection') === true ? 1 : ASSUMED_LIST_SIZE, fromVariable: false };
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
