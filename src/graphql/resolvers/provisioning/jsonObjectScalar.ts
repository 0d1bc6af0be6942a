import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

/**
 * `JSONObject`: free-form registration details and requirements, passed through unchanged.
 * Only objects are accepted, so a client cannot send a string where Sinch expects an object.
 */
export const JSONObjectScalar = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: 'JSONObject',
  description: 'A JSON object, passed through as it is (registration details and requirements are free-form at Sinch).',
  serialize: (value) => asObject(value, 'serialize'),
  parseValue: (value) => asObject(value, 'accept'),
  parseLiteral: (ast, variables) => {
    if (ast.kind !== Kind.OBJECT) throw new TypeError('JSONObject must be an object.');
    return asObject(valueFromASTUntyped(ast, variables), 'accept');
  },
});

function asObject(value: unknown, verb: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`JSONObject cannot ${verb} a value that is not a JSON object.`);
  }
  return value as Record<string, unknown>;
}
