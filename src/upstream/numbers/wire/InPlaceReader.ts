/** Where a body breaks its documented structure: `path` is dotted, `''` for the value itself. */
export interface WireFault {
  readonly path: string;
  readonly problem: string;
}

/**
 * A hand-written reader (activeNumberReaders.ts): `findFault` fixes the freshly parsed body in
 * place (drops optional fields of the wrong type) and returns where its required structure is
 * broken, or undefined. A class rather than a bare function so `readNumbersResponse` can tell it
 * from a zod schema, and so `T` says what a body that passed is.
 */
export class InPlaceReader<T> {
  /** Never set: only carries the type of a body that passed. */
  declare readonly output: T;

  constructor(readonly findFault: (body: unknown) => WireFault | undefined) {}
}
