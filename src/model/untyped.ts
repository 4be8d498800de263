declare const untypedBrand: unique symbol;

/**
 * A value the library validates at run time although TypeScript cannot check it: JSON from a
 * request or a file, a database row. The public functions take their typed input (`QueryInput`,
 * `SubjectInput`, `CreditRecordInput`), so that a typo (`pakc`, `'promotoin'`) fails to compile;
 * `untyped(value)` is the explicit way to pass anything else. Validation is the same either way:
 * a bad value is a typed error with the field's path.
 */
export interface Untyped {
  readonly [untypedBrand]: true;
}

/**
 * Marks a value of unknown shape for a typed entry point; it is validated there at run time.
 * Nothing happens at run time here: the value is returned as it is.
 *
 * @param value - anything: parsed JSON, a database row, `unknown`.
 * @returns the same value, typed `Untyped`.
 * @example
 * const body: unknown = await request.json();
 * const decision = await evaluate(untyped(body)); // InvalidInputError with paths if it is not a query
 */
export function untyped(value: unknown): Untyped {
  return value as Untyped;
}
