import { fitsJsNumber, type Column, type DefaultValue, type Table } from "../../model/index.js";
import type { DrizzleTarget } from "./drizzle-target.js";
import type { GenerateContext, JsKind } from "./generate-context.js";
import { docComment, str } from "./js-names.js";

/** One column as a property of the table's column object: `organizationId: integer("organization_id").notNull(),`. */
export function renderColumn(
  column: Column,
  table: Table,
  key: string,
  ctx: GenerateContext,
  target: DrizzleTarget,
): string {
  const built = target.columnBuilder(column, table, ctx);
  let code = built.call;
  const pk = table.primaryKey;
  if (pk && !pk.name && pk.columns.length === 1 && pk.columns[0] === column.name) {
    code += target.primaryKeyModifier(column, table);
  } else if (!column.nullable) {
    code += ".notNull()";
  }
  if (column.identity) code += target.identity(column, table, ctx) ?? "";
  if (column.default) {
    code +=
      column.default.kind === "autoincrement"
        ? built.autoincrementBuiltIn
          ? ""
          : (target.autoincrement(column, table, ctx) ?? "")
        : renderDefault(column.default, column, built.kind, ctx, target);
  }
  if (column.generated) code += target.generated(column, table, ctx);
  if (column.collation !== undefined) {
    ctx.warn(
      `column ${table.key}.${column.name}`,
      `drizzle-orm has no column collation; @collate(${str(column.collation)}) is not in the module`,
    );
  }
  return `${column.comment ? docComment(column.comment) : ""}${key}: ${code},\n`;
}

function renderDefault(
  value: Exclude<DefaultValue, { kind: "autoincrement" }>,
  column: Column,
  kind: JsKind,
  ctx: GenerateContext,
  target: DrizzleTarget,
): string {
  switch (value.kind) {
    case "now":
      return target.nowDefault(column, ctx);
    case "enum":
      return `.default(${str(value.value)})`;
    case "sql":
      return `.default(${ctx.sql(value.sql)})`;
    case "literal":
      return `.default(${literal(value.value, kind, ctx)})`;
    case "number":
      return `.default(${number(value.value, kind, ctx)})`;
  }
}

/**
 * A literal default in the column's TypeScript type where drizzle types it
 * that way (`0` for a number, `"0"` for a decimal read as a string, `0n` for
 * a bigint), else as SQL, so the module always type-checks.
 */
function literal(value: string | boolean | null, kind: JsKind, ctx: GenerateContext): string {
  if (value === null) return ctx.sql("null");
  if (typeof value === "boolean") return kind === "boolean" ? String(value) : ctx.sql(value ? "true" : "false");
  return kind === "string" ? str(value) : ctx.sql(`'${value.replaceAll("'", "''")}'`);
}

/** A number default (exact decimal text): a JS number only where one holds it exactly. */
function number(value: string, kind: JsKind, ctx: GenerateContext): string {
  if (kind === "number" && fitsJsNumber(value)) return value;
  if (kind === "string") return str(value);
  if (kind === "bigint" && /^-?\d+$/.test(value)) return `${value}n`;
  return ctx.sql(value);
}
