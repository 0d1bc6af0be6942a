import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../../src/graphql/createSchema.js';
import { ASSUMED_LIST_SIZE, measureOperations } from '../../../src/server/queryLimits/measureOperations.js';

const schema = createSchema();
const measure = (document: string) => [...measureOperations(schema, parse(document)).values()];

describe('measureOperations: depth', () => {
  it('counts fields on the longest path, leaves included, and no level for a fragment', () => {
    expect(measure('{ numbers { nodes { phoneNumber } } }')[0]?.depth).toBe(3);
    expect(measure('{ numbers { ...Page } } fragment Page on NumberConnection { nodes { ... on Number { phoneNumber } } }')[0]?.depth).toBe(3);
  });

  it('gives introspection fields no depth and no cost', () => {
    expect(measure('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')[0]).toMatchObject({ depth: 0, cost: 0 });
  });
});

describe('measureOperations: cost', () => {
  it('multiplies what a paginated field selects by its literal first', () => {
    expect(measure('{ sipTrunks(first: 5) { nodes { name } } }')[0]?.cost).toBe(5 * (1 + 1));
  });

  it("prices an omitted first by the argument's default in the schema", () => {
    expect(measure('{ sipTrunks { nodes { name } } }')[0]?.cost).toBe(50 * 2);
    expect(measure('{ numbers { nodes { phoneNumber } } }')[0]?.cost).toBe(20 * 2);
    expect(measure('{ callRecords { nodes { callId } } }')[0]?.cost).toBe(100 * 2);
    expect(measure('{ callRecords(first: null) { nodes { callId } } }')[0]?.cost).toBe(100 * 2);
  });

  it('prices first: $n by the request\'s value, the variable\'s default, then the argument\'s default', () => {
    const document = parse('query ($n: Int) { sipTrunks(first: $n) { nodes { name } } }');
    const withDefault = parse('query ($n: Int = 300) { sipTrunks(first: $n) { nodes { name } } }');
    const cost = (parsed: typeof document, variables?: Record<string, unknown>) => [...measureOperations(schema, parsed, variables).values()][0];
    expect(cost(document, { n: 500 })).toMatchObject({ cost: 500 * 2, sizedByVariables: true });
    expect(cost(document, {})?.cost).toBe(50 * 2);
    expect(cost(document, { n: null })?.cost).toBe(50 * 2);
    expect(cost(withDefault, {})?.cost).toBe(300 * 2);
    expect(cost(withDefault, { n: 7 })?.cost).toBe(7 * 2);
    // Without variables (validation): a lower bound, marked as such.
    expect(cost(document)).toMatchObject({ cost: 1 * 2, sizedByVariables: true });
    expect(cost(withDefault)).toMatchObject({ cost: 1 * 2, sizedByVariables: true });
  });

  it('prices a variable used in a fragment with the variables of the operation spreading it', () => {
    const document = parse('query A($n: Int) { ...T } query B($n: Int = 9) { ...T } fragment T on Query { sipTrunks(first: $n) { nodes { name } } }');
    const [a, b] = [...measureOperations(schema, document, { n: 400 }).values()];
    expect([a?.cost, b?.cost]).toEqual([400 * 2, 400 * 2]);
    const [c, d] = [...measureOperations(schema, document, {}).values()];
    expect([c?.cost, d?.cost]).toEqual([50 * 2, 9 * 2]);
  });

  it(`assumes ${ASSUMED_LIST_SIZE} items for a list without a size argument, but not for a connection's nodes`, () => {
    expect(measure('{ sipTrunks(first: 1) { nodes { endpoints { id } } } }')[0]?.cost).toBe(1 * (1 + 1 * (1 + ASSUMED_LIST_SIZE * 1)));
  });

  it('costs nothing for leaves', () => {
    expect(measure('{ __typename }')[0]?.cost).toBe(0);
  });
});

describe('measureOperations: aliases and directives', () => {
  it('counts aliases and directives each time a fragment is spread', () => {
    const [measurement] = measure('{ ...A ...A } fragment A on Query @skip(if: false) { x: __typename @include(if: true) }');
    expect(measurement).toMatchObject({ aliases: 2, directives: 4 });
  });

  it('measures each operation of a document on its own', () => {
    expect(measure('query One { a: __typename } query Two { b: __typename c: __typename }').map((m) => m.aliases)).toEqual([1, 2]);
  });
});

describe('measureOperations: hostile documents', () => {
  it('measures exponentially spreading fragments without expanding them (the totals grow, the work does not)', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1 ? `fragment F${level} on Query { a: __typename }` : `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`,
    );
    const [measurement] = measure(`{ ...F0 } ${fragments.join(' ')}`);
    expect(measurement?.aliases).toBe(2 ** (levels - 1));
  });

  it('measures a fragment cycle as zero (graphql-js reports the cycle itself)', () => {
    expect(measure('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }')[0]).toEqual({ depth: 0, cost: 0, aliases: 0, directives: 0, sizedByVariables: false });
  });
});
