/**
 * Objects that depend on others by what their SQL says (views, functions,
 * triggers, policies, ...) are created after what they read and dropped
 * before it. An object depends on another when the other's name appears in
 * its text as a whole identifier (bare, or inside quotes, brackets or
 * backticks): reading SQL for names over-approximates, which costs at most
 * an order that was not needed, never one the database refuses. Among
 * objects with no such edge, a lower phase goes first (a function before a
 * view before a trigger), then the key, so the result is deterministic.
 */
export interface OrderedObject {
  /** Unique among the items ordered together. */
  readonly key: string;
  /** What another object's text calls it by (unqualified). */
  readonly name: string;
  /** The SQL that may name other objects (a definition, a body, a trigger's table and function). */
  readonly text: string | undefined;
  readonly phase: number;
  /**
   * The types a type is built on, as formatType spells them (a domain's
   * base, a composite type's attributes): one that is a table's row type
   * (`test.projects`) makes it wait for that table.
   */
  readonly types?: readonly string[];
}

/**
 * Where each kind stands when nothing in its text says otherwise, in the
 * order a database needs them: extensions, schemas, types and domains,
 * functions, tables, views and materialized views, triggers and policies.
 */
export const Phase = {
  extension: 0,
  schema: 1,
  type: 2,
  function: 3,
  table: 4,
  view: 5,
  trigger: 6,
  policy: 6,
} as const;

/** Dependencies first: the order to create in. Reverse it to drop. */
export function dependencyOrder<T>(items: readonly T[], describe: (item: T) => OrderedObject): T[] {
  const described = items.map((item) => ({ item, ...describe(item) })).sort((a, b) => a.phase - b.phase || compareKeys(a.key, b.key));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: T[] = [];
  const visit = (entry: (typeof described)[number]) => {
    if (done.has(entry.key) || visiting.has(entry.key)) return;
    visiting.add(entry.key);
    for (const other of described) {
      if (other !== entry && entry.text && mentions(entry.text, other.name)) visit(other);
    }
    visiting.delete(entry.key);
    done.add(entry.key);
    out.push(entry.item);
  };
  for (const entry of described) visit(entry);
  return out;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

/** Whether `name` appears in `text` as a whole identifier, case-insensitively. */
export function mentions(text: string, name: string): boolean {
  const haystack = text.toLowerCase();
  const needle = name.toLowerCase();
  if (needle === "") return false;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1] ?? " ";
    const after = haystack[at + needle.length] ?? " ";
    if (!IDENTIFIER_CHAR.test(before) && !IDENTIFIER_CHAR.test(after)) return true;
  }
  return false;
}
