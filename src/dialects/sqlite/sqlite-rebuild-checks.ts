import type { Column, Table } from "../../model/index.js";
import { duplicatesCheck, nullsCheck, orphansCheck, type Named } from "../ddl/data-checks.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";

/**
 * What the rebuilt table demands of the rows it copies that the table
 * before did not: a column now NOT NULL, a new primary key, unique
 * constraint or unique index, a new foreign key. Each is checked before the
 * copy, so the migration fails naming how many rows are in the way and one
 * of them, not with "NOT NULL constraint failed" from the INSERT.
 */
export function rebuildDataChecks(w: DdlWriter, table: Named, current: Table, target: Table, copy: ReadonlyArray<{ from: Column; to: Column }>): Statement[] {
  const origin = new Map(copy.map(({ from, to }) => [to.name, from.name]));
  // Columns as the table before names them; undefined when one is new (its rows get its default).
  const before = (columns: readonly string[]) => (columns.every((c) => origin.has(c)) ? columns.map((c) => origin.get(c)!) : undefined);
  const key = current.primaryKey?.columns ?? [];
  const sameColumns = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);
  const out: Statement[] = [];
  for (const { from, to } of copy) {
    if (from.nullable && !to.nullable) out.push(nullsCheck(w, table, { sql: w.q(from.name), shown: from.name }, key));
  }
  const uniqueBefore = [current.primaryKey?.columns, ...current.uniqueConstraints.map((u) => u.columns), ...current.indexes.filter((i) => i.unique && columnsOnly(i)).map((i) => i.columnNames)]
    .filter((c): c is readonly string[] => c !== undefined);
  const uniqueAfter = [target.primaryKey?.columns, ...target.uniqueConstraints.map((u) => u.columns), ...target.indexes.filter((i) => i.unique && !i.where && columnsOnly(i)).map((i) => i.columnNames)];
  for (const columns of uniqueAfter) {
    const old = columns && before(columns);
    if (old && !uniqueBefore.some((u) => sameColumns(u, old))) out.push(duplicatesCheck(w, table, old, `the unique key (${columns!.join(", ")})`));
  }
  for (const fk of target.foreignKeys) {
    const old = before(fk.columns);
    const existed = current.foreignKeys.some((k) => old && sameColumns(k.columns, old) && k.target.name === fk.target.name);
    if (old && !existed) out.push(orphansCheck(w, table, old, { sql: w.name(fk.target.schema, fk.target.name), shown: fk.target.name }, fk.targetColumns, key));
  }
  return out;
}

/** An index of plain columns (an expression's values cannot be checked by its columns). */
function columnsOnly(index: Table["indexes"][number]): boolean {
  return index.elements.every((e) => e.kind === "column");
}
