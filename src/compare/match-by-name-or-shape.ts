/**
 * Pairs target objects with database objects: a named target object with the
 * database object of that name, or else with an unnamed one of the same
 * shape; an unnamed target object with any free database object of the same
 * shape (the database named it itself). Deterministic: candidates are taken
 * in the order given, which callers keep sorted.
 */
export function matchByNameOrShape<M extends { readonly name?: string }, C extends { readonly name?: string }>(
  meta: readonly M[],
  conn: readonly C[],
  metaShape: (m: M) => string,
  connShape: (c: C) => string,
): { pairs: Array<[C, M]>; added: M[]; removed: C[] } {
  const free = new Set(conn);
  const pairs: Array<[C, M]> = [];
  const added: M[] = [];
  const take = (c: C | undefined) => (c !== undefined && free.delete(c) ? c : undefined);
  // Name matches first, so an unnamed object cannot steal a named one's partner.
  const byName = new Map<M, C>();
  for (const m of meta) {
    if (m.name === undefined) continue;
    const c = take(conn.find((c) => free.has(c) && c.name === m.name));
    if (c) byName.set(m, c);
  }
  for (const m of meta) {
    const named = byName.get(m);
    const shape = metaShape(m);
    const c =
      named ??
      take(conn.find((c) => free.has(c) && (m.name === undefined || c.name === undefined) && connShape(c) === shape));
    if (c) pairs.push([c, m]);
    else added.push(m);
  }
  return { pairs, added, removed: conn.filter((c) => free.has(c)) };
}
