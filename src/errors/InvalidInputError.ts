/**
 * Input the gateway rejects before any upstream call: an ID that fails its pattern, a phone
 * number that is not E.164, a value that could change an upstream URL path.
 * formatError turns it into `BAD_USER_INPUT` with the argument's name.
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  readonly code = 'BAD_USER_INPUT';

  constructor(
    readonly argumentName: string,
    message: string,
  ) {
    super(message);
  }
}
