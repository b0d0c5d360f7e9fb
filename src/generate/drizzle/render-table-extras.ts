import type { Deferral, ForeignKeyConstraint, Index, ReferentialAction, Table } from "../../model/index.js";
import { tableKey } from "../../model/index.js";
import type { DrizzleTarget } from "./drizzle-target.js";
import { DrizzleGenerateError, type GenerateContext } from "./generate-context.js";
import { member, str } from "./js-names.js";

const ACTIONS: Readonly<Record<ReferentialAction, string>> = {
  cascade: "cascade",
  restrict: "restrict",
  setNull: "set null",
  setDefault: "set default",
  noAction: "no action",
};

/**
 * The table's third argument, `(t) => [...]`: composite or named primary
 * key, every foreign key (table level, so names, composite keys and
 * self-references all read the same), unique constraints, checks, indexes.
 */
export function renderTableExtras(table: Table, ctx: GenerateContext, target: DrizzleTarget): string[] {
  const ref = (columnName: string) => columnRef(table, columnName, "t", ctx);
  const extras: string[] = [];
  const pk = table.primaryKey;
  if (pk) warnIfDeferrable(pk, `primary key of ${table.key}`, "primary keys", ctx);
  if (pk && (pk.name || pk.columns.length > 1)) {
    const name = pk.name ? `name: ${str(pk.name)}, ` : "";
    extras.push(`${ctx.core("primaryKey")}({ ${name}columns: [${pk.columns.map(ref).join(", ")}] })`);
  }
  for (const fk of table.foreignKeys) extras.push(renderForeignKey(fk, table, ctx));
  for (const unique of table.uniqueConstraints) {
    warnIfDeferrable(unique, `unique constraint ${unique.name ?? `${table.key}(${unique.columns.join(", ")})`}`, "unique constraints", ctx);
    extras.push(
      `${ctx.core("unique")}(${unique.name ? str(unique.name) : ""}).on(${unique.columns.map(ref).join(", ")})`,
    );
  }
  let unnamedChecks = 0;
  for (const check of table.checkConstraints) {
    let name = check.name;
    if (name === undefined) {
      name = `${table.name}_check${++unnamedChecks > 1 ? unnamedChecks : ""}`;
      ctx.warn(
        `table ${table.key}`,
        `drizzle-orm's check() needs a name; the unnamed check (${check.expression}) is named "${name}" in the module`,
      );
    }
    extras.push(`${ctx.core("check")}(${str(name)}, ${ctx.sql(check.expression)})`);
  }
  for (const index of table.indexes) extras.push(renderIndex(index, table, ctx, target));
  return extras;
}

function renderForeignKey(fk: ForeignKeyConstraint, table: Table, ctx: GenerateContext): string {
  const targetKey = tableKey(fk.target);
  const targetTable = ctx.metadata.tables.get(targetKey);
  if (!targetTable)
    throw new DrizzleGenerateError(`table ${table.key} references ${targetKey}, which is not in the model`);
  const targetVar = targetKey === table.key ? "t" : ctx.tableVars.get(targetKey)!;
  const name = fk.name ? `name: ${str(fk.name)}, ` : "";
  const columns = fk.columns.map((c) => columnRef(table, c, "t", ctx)).join(", ");
  const foreign = fk.targetColumns.map((c) => columnRef(targetTable, c, targetVar, ctx)).join(", ");
  let code = `${ctx.core("foreignKey")}({ ${name}columns: [${columns}], foreignColumns: [${foreign}] })`;
  if (fk.onDelete) code += `.onDelete(${str(ACTIONS[fk.onDelete])})`;
  if (fk.onUpdate) code += `.onUpdate(${str(ACTIONS[fk.onUpdate])})`;
  warnIfDeferrable(fk, `foreign key ${fk.name ?? `${table.key}(${fk.columns.join(", ")})`}`, "foreign keys", ctx);
  return code;
}

/** drizzle-orm has no DEFERRABLE on any constraint: the module checks at each statement, and says so. */
function warnIfDeferrable(constraint: Deferral, what: string, kinds: string, ctx: GenerateContext): void {
  if (!constraint.deferrable) return;
  const mode = constraint.initiallyDeferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE";
  ctx.warn(what, `drizzle-orm has no deferrable ${kinds}; ${mode} is not in the module`);
}

function renderIndex(index: Index, table: Table, ctx: GenerateContext, target: DrizzleTarget): string {
  const elements = index.elements.map((element) =>
    target.indexElement(
      element,
      element.kind === "column" ? columnRef(table, element.name, "t", ctx) : undefined,
      index,
      table,
      ctx,
    ),
  );
  let code = `${ctx.core(index.unique ? "uniqueIndex" : "index")}(${str(index.name)})${target.indexColumns(index, elements, table, ctx)}`;
  if (index.where !== undefined) {
    if (target.partialIndexes) code += `.where(${ctx.sql(index.where)})`;
    else
      ctx.warn(`index ${index.name}`, `partial indexes do not exist here; where (${index.where}) is not in the module`);
  }
  return code;
}

/** `t.organizationId`, or the referenced table's column, by the key the generator gave it. */
export function columnRef(table: Table, columnName: string, object: string, ctx: GenerateContext): string {
  const key = ctx.columnKeys.get(table.key)?.get(columnName);
  if (key === undefined) throw new DrizzleGenerateError(`table ${table.key} has no column ${columnName}`);
  return member(object, key);
}
