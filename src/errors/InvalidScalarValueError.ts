/**
 * A custom scalar (`PhoneNumber`, `DateTime`) refused a value, inline or through a variable.
 * Deliberately not a GraphQLError: graphql-js then wraps it in an error that carries the value's
 * location, in both paths, with this error as `originalError`. `invalidInputPlugin` turns every
 * such error into `BAD_USER_INPUT` with `extensions.argumentName`, like `InvalidInputError`.
 */
export class InvalidScalarValueError extends Error {
  override readonly name = 'InvalidScalarValueError';
  readonly code = 'BAD_USER_INPUT';
}
