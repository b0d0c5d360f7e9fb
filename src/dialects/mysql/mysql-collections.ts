/** Rows grouped by a key, groups and rows in their original order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Name order by code point. information_schema sorts by its own
 * case-insensitive collation, which differs between servers: reflected
 * objects come out in this order instead, the same everywhere.
 */
export function byName<T extends { readonly name?: string }>(a: T, b: T): number {
  const x = a.name ?? "";
  const y = b.name ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}
