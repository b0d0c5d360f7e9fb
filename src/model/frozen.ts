/**
 * Model objects keep frozen copies of what they are built from, so nobody
 * can change them afterwards. What is already frozen cannot change either:
 * it is kept as it is, and the parser, which builds these lists and objects
 * for the model alone, freezes them instead of having each one copied.
 */
export function frozenArray<T>(items: readonly T[]): readonly T[] {
  return Object.isFrozen(items) ? items : Object.freeze([...items]);
}

export function frozenObject<T extends object>(value: T): Readonly<T> {
  return Object.isFrozen(value) ? value : Object.freeze({ ...value });
}
