import { Column } from "../../model/index.js";
import type { AlterColumnOp } from "../../ops/alter-column-op.js";
import type { AddEnumValueOp, DropEnumValueOp } from "../../ops/enum-ops.js";
import { alteredColumn } from "../ddl/apply-to-table.js";
import { checkDefaultValue, DdlStateError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { DdlContext, Statement } from "../ddl-compiler.js";
import { fitCheck, type FitSql } from "../ddl/fit-check.js";
import { mysqlColumnDefinition } from "./mysql-ddl-columns.js";
import { spellMysqlDefault } from "./mysql-defaults.js";
import { parseQuotedList } from "./mysql-sql-text.js";
import { spellMysqlType } from "./mysql-types.js";

/**
 * MODIFY COLUMN (CHANGE COLUMN for a rename) restates the whole column. The
 * column as it is comes from the live table when the context can read it
 * (so AUTO_INCREMENT, collation and comment survive), else from the op's
 * `existing*` values. A change of the default alone uses ALTER COLUMN
 * SET/DROP DEFAULT, which needs neither, except that MariaDB's DROP DEFAULT
 * also drops a column's ON UPDATE: such a column is restated instead.
 */
export async function mysqlAlterColumn(w: DdlWriter, op: AlterColumnOp, context: DdlContext): Promise<Statement[]> {
  const table = w.name(op.schema, op.tableName);
  const dropsOnUpdate = async () => op.modifyServerDefault?.to === undefined && (await liveColumn(op, context))?.column.onUpdate !== undefined;
  if (defaultOnly(op) && !(await dropsOnUpdate())) {
    const to = op.modifyServerDefault!.to;
    if (to !== undefined) checkDefaultValue(to, `column "${op.columnName}"`);
    const clause = to === undefined ? "DROP DEFAULT" : `SET DEFAULT ${spellMysqlDefault(to, op.existingType!)}`;
    return [{ sql: `ALTER TABLE ${table} ALTER COLUMN ${w.q(op.columnName)} ${clause}` }];
  }
  const live = await liveColumn(op, context);
  const before = live?.column ?? columnFromOp(op);
  const after = alteredColumn(before, op);
  const typeSql = op.modifyType ? undefined : live?.typeSql;
  const definition = mysqlColumnDefinition(w, after, context, typeSql);
  const sql = op.modifyName
    ? `ALTER TABLE ${table} CHANGE COLUMN ${w.q(op.columnName)} ${definition}`
    : `ALTER TABLE ${table} MODIFY COLUMN ${definition}`;
  // Strict mode refuses a too-long string or an out-of-range number, but MySQL still rounds decimals and fractional seconds.
  const check = op.modifyType && fitCheck({ sql: table, shown: op.tableName }, { sql: w.q(op.columnName), name: op.columnName }, op.modifyType.from ?? op.existingType ?? live?.column.type, op.modifyType.to, mysqlFit(w, context));
  return check ? [check, { sql }] : [{ sql }];
}

function mysqlFit(w: DdlWriter, context: DdlContext): FitSql {
  return {
    length: (value) => `CHAR_LENGTH(${value})`,
    // CAST knows DATETIME(p) and TIME(p), not the column types' other names.
    cast: (value, type) => `CAST(${value} AS ${spellMysqlType(type, context.metadata).replace(/^timestamp/i, "DATETIME")})`,
    integerWidths: true,
    timePrecision: 0,
  };
}

function defaultOnly(op: AlterColumnOp): boolean {
  const others = op.modifyType || op.modifyNullable || op.modifyComment || op.modifyName;
  const kw = Object.keys(op.kw).some((k) => k.startsWith("modify_"));
  const def = op.modifyServerDefault;
  return def !== undefined && !others && !kw && def.to?.kind !== "autoincrement" && def.from?.kind !== "autoincrement" && op.existingType !== undefined;
}

function columnFromOp(op: AlterColumnOp): Column {
  const type = op.existingType;
  const nullable = op.existingNullable;
  if (type === undefined || nullable === undefined) {
    throw new DdlStateError(
      `MODIFY COLUMN restates "${op.tableName}.${op.columnName}" in full: give the op existingType and existingNullable, or run it against the database`,
    );
  }
  return new Column({ name: op.columnName, type, nullable, default: op.existingServerDefault, comment: op.existingComment });
}

/** The live column, and for an ENUM column its type as the server writes it (the model names its values elsewhere). */
async function liveColumn(op: AlterColumnOp, context: DdlContext): Promise<{ column: Column; typeSql?: string } | undefined> {
  const column = (await context.currentTable?.(op.schema, op.tableName))?.column(op.columnName);
  if (!column) return undefined;
  if (column.type.kind !== "enum") return { column };
  return { column, typeSql: await serverColumnType(op.tableName, op.columnName, context) };
}

async function serverColumnType(table: string, column: string, context: DdlContext): Promise<string> {
  if (!context.query) throw new DdlStateError(`restating the ENUM column "${table}.${column}" reads its values from the database`);
  const [row] = await context.query<{ COLUMN_TYPE: string }>(
    "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?",
    [table, column],
  );
  if (!row) throw new DdlStateError(`column "${table}.${column}" does not exist`);
  return row.COLUMN_TYPE;
}

interface EnumColumnRow {
  readonly TABLE_NAME: string;
  readonly COLUMN_NAME: string;
  readonly COLUMN_TYPE: string;
}

/**
 * MySQL enums live on their columns, so adding or dropping a value modifies
 * every column of that enum: the column reflection names `<enum>` is
 * `<table>_<column>`, and the model in the context (when given) names the
 * columns whose type refers to the enum by its declared name.
 */
export async function mysqlChangeEnumValues(w: DdlWriter, op: AddEnumValueOp | DropEnumValueOp, context: DdlContext, add: boolean): Promise<Statement[]> {
  if (!context.query || !context.currentTable) {
    throw new DdlStateError(`changing the values of enum "${op.enumName}" on MySQL modifies its columns, read from the live database`);
  }
  const modelColumns = new Set<string>();
  for (const table of context.metadata?.tables.values() ?? []) {
    for (const column of table.columns) {
      if (column.type.kind === "enum" && column.type.name === op.enumName) modelColumns.add(`${table.name}\0${column.name}`);
    }
  }
  const rows = await context.query<EnumColumnRow>(
    "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE = 'enum' ORDER BY TABLE_NAME, ORDINAL_POSITION",
  );
  const users = rows.filter((r) => `${r.TABLE_NAME}_${r.COLUMN_NAME}` === op.enumName || modelColumns.has(`${r.TABLE_NAME}\0${r.COLUMN_NAME}`));
  if (users.length === 0) throw new DdlStateError(`no column uses the enum "${op.enumName}"`);
  const out: Statement[] = [];
  for (const row of users) {
    const values = parseQuotedList(row.COLUMN_TYPE.replace(/^enum\(/i, "").replace(/\)$/, ""));
    const next = add ? withValue(values, op) : values.filter((v) => v !== op.value);
    const column = (await context.currentTable(op.schema, row.TABLE_NAME))?.column(row.COLUMN_NAME);
    if (!column) throw new DdlStateError(`column "${row.TABLE_NAME}.${row.COLUMN_NAME}" does not exist`);
    const typeSql = `ENUM(${next.map((v) => w.string(v)).join(",")})`;
    out.push({ sql: `ALTER TABLE ${w.name(op.schema, row.TABLE_NAME)} MODIFY COLUMN ${mysqlColumnDefinition(w, column, context, typeSql)}` });
  }
  return out;
}

function withValue(values: readonly string[], op: AddEnumValueOp | DropEnumValueOp): string[] {
  if (values.includes(op.value)) return [...values];
  const anchor = op.before ?? op.after;
  const at = anchor === undefined ? -1 : values.indexOf(anchor);
  if (at < 0) return [...values, op.value];
  const index = op.before !== undefined ? at : at + 1;
  return [...values.slice(0, index), op.value, ...values.slice(index)];
}
