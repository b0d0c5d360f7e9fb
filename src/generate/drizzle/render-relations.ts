import type { ForeignKeyConstraint, Table } from "../../model/index.js";
import { tableKey } from "../../model/index.js";
import type { GenerateContext } from "./generate-context.js";
import { camelCase, NameScope, str } from "./js-names.js";
import { columnRef } from "./render-table-extras.js";

interface Link {
  readonly fk: ForeignKeyConstraint;
  readonly from: Table;
  readonly to: Table;
  /** Shared by both ends, so drizzle pairs them even when two tables are linked twice. */
  readonly relationName: string;
}

/**
 * drizzle `relations()` derived from the foreign keys: the referencing table
 * gets `one(target, { fields, references })`, the referenced table gets
 * `many(source)`, or `one(source)` when the key columns are unique there
 * and no other foreign key links the two tables.
 * Relation keys share the relational query's namespace with column keys,
 * so they are chosen not to collide with them.
 */
export function renderRelations(tables: readonly Table[], ctx: GenerateContext): string[] {
  const all: Link[] = tables.flatMap((from) =>
    from.foreignKeys.map((fk) => ({
      fk,
      from,
      to: ctx.metadata.tables.get(tableKey(fk.target))!,
      relationName: fk.name ?? `${from.key}_${fk.columns.join("_")}_fk`,
    })),
  );
  // Grouped once: a model of thousands of tables must not rescan every link per table.
  const outgoing = groupBy(all, (l) => l.from);
  const incoming = groupBy(all, (l) => l.to);
  const out: string[] = [];
  for (const table of tables) {
    const keys = new NameScope(ctx.columnKeys.get(table.key)!.values(), { keys: true });
    const entries: string[] = [];
    const use = new Set<string>();
    for (const link of outgoing.get(table) ?? []) {
      use.add("one");
      const key = keys.claim(oneName(link), "Relation");
      const fields = link.fk.columns.map((c) => columnRef(table, c, ctx.tableVars.get(table.key)!, ctx)).join(", ");
      const toVar = ctx.tableVars.get(link.to.key)!;
      const references = link.fk.targetColumns.map((c) => columnRef(link.to, c, toVar, ctx)).join(", ");
      entries.push(
        `${key}: one(${toVar}, { fields: [${fields}], references: [${references}], relationName: ${str(link.relationName)} }),`,
      );
    }
    const links = incoming.get(table) ?? [];
    for (const link of links) {
      const fromVar = ctx.tableVars.get(link.from.key)!;
      // drizzle's one() takes a relationName only together with fields, which would type the
      // missing row as present; so an unnamed one() pairs by table, and needs to be the only link.
      const single = isUnique(link.from, link.fk.columns) && links.filter((l) => l.from === link.from).length === 1;
      use.add(single ? "one" : "many");
      const key = keys.claim(single ? camelCase(link.from.name) : plural(camelCase(link.from.name)), "Relation");
      entries.push(
        single ? `${key}: one(${fromVar}),` : `${key}: many(${fromVar}, { relationName: ${str(link.relationName)} }),`,
      );
    }
    if (!entries.length) continue;
    const name = ctx.names.claim(`${ctx.tableVars.get(table.key)!}Relations`);
    const helpers = [...use].sort().join(", ");
    out.push(
      `export const ${name} = ${ctx.orm("relations")}(${ctx.tableVars.get(table.key)!}, ({ ${helpers} }) => ({\n${entries.join("\n")}\n}));\n`,
    );
  }
  return out;
}

function groupBy<K, V>(items: readonly V[], keyOf: (item: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** `organization_id` → `organization`; otherwise the target table's name. */
function oneName(link: Link): string {
  const only = link.fk.columns.length === 1 ? link.fk.columns[0] : undefined;
  const stripped = only?.replace(/_?(id|ID|Id)$/, "");
  return camelCase(stripped && stripped !== only ? stripped : link.to.name);
}

function isUnique(table: Table, columns: readonly string[]): boolean {
  const same = (other: readonly string[]) => other.length === columns.length && other.every((c) => columns.includes(c));
  return (
    (table.primaryKey !== undefined && same(table.primaryKey.columns)) ||
    table.uniqueConstraints.some((u) => same(u.columns)) ||
    table.indexes.some(
      (i) => i.unique && i.where === undefined && i.elements.every((e) => e.kind === "column") && same(i.columnNames),
    )
  );
}

function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}
