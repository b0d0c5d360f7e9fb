/**
 * The fields of `source` named in `fields` that are set, arrays copied and
 * frozen: how a model object takes its props (and gives them back to `with`)
 * without writing its field list twice.
 */
export function setFields<T extends object, K extends keyof T>(source: T, fields: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const field of fields) {
    const value = source[field];
    if (value !== undefined) out[field] = (Array.isArray(value) ? Object.freeze([...value]) : value) as T[K];
  }
  return out;
}
