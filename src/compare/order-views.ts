/**
 * Views that read other views must be created after them and dropped before
 * them. A view depends on another when the other's name appears in its
 * definition as a whole identifier (bare, or inside quotes, brackets or
 * backticks). Ties keep key order, so the result is deterministic.
 */
export interface ViewItem {
  readonly key: string;
  readonly name: string;
  readonly definition: string | undefined;
}

/** Dependencies first: the order to create views in. Reverse it to drop them. */
export function viewsInDependencyOrder<T>(items: readonly T[], describe: (item: T) => ViewItem): T[] {
  const described = items.map((item) => ({ item, ...describe(item) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: T[] = [];
  const visit = (entry: (typeof described)[number]) => {
    if (done.has(entry.key) || visiting.has(entry.key)) return;
    visiting.add(entry.key);
    for (const other of described) {
      if (other !== entry && entry.definition && mentions(entry.definition, other.name)) visit(other);
    }
    visiting.delete(entry.key);
    done.add(entry.key);
    out.push(entry.item);
  };
  for (const entry of described) visit(entry);
  return out;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

export function mentions(definition: string, name: string): boolean {
  const text = definition.toLowerCase();
  const needle = name.toLowerCase();
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + needle.length] ?? " ";
    if (!IDENTIFIER_CHAR.test(before) && !IDENTIFIER_CHAR.test(after)) return true;
  }
  return false;
}
