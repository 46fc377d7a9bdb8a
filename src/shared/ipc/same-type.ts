/**
 * Compile-time type equality, used where a zod schema and a plain (zod-free) type describe the same
 * value: the plain type is what the renderer imports, the schema is what main parses with.
 */

/** `true` only when A and B are mutually assignable. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/** Fails typecheck unless `T` is `true`; costs nothing at run time. */
export const assertSameType = <T extends true>(value: T): T => value
