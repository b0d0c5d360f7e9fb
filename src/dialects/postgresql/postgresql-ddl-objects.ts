import type { Sequence, View } from "../../model/index.js";
import { DdlStateError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { DdlContext, Statement } from "../ddl-compiler.js";
import { pgCreateIndex } from "./postgresql-ddl-columns.js";

/** Schema-level objects: sequences, views and the re-creation of an enum that loses a value. */
export function pgCreateSequence(w: DdlWriter, sequence: Sequence): Statement[] {
  const options = sequenceOptions(w, sequence, undefined);
  return [{ sql: `CREATE SEQUENCE ${w.name(sequence.schema, sequence.name)}${options}` }];
}

export function pgAlterSequence(w: DdlWriter, from: Sequence, to: Sequence): Statement[] {
  const options = sequenceOptions(w, to, from);
  return options ? [{ sql: `ALTER SEQUENCE ${w.name(to.schema, to.name)}${options}` }] : [];
}

/**
 * The options of `to` (only those that differ from `from`, when given), each
 * with a leading space. An option `to` leaves out is CREATE SEQUENCE's own
 * value, written out when altering away from another (a downgrade of
 * `increment = 5` sets INCREMENT BY 1 again).
 */
function sequenceOptions(w: DdlWriter, to: Sequence, from: Sequence | undefined): string {
  const changed = <K extends keyof Sequence>(key: K) => from === undefined ? to[key] !== undefined : from[key] !== to[key];
  const ascending = (to.increment ?? 1) > 0;
  let sql = "";
  if (changed("increment")) sql += ` INCREMENT BY ${to.increment ?? 1}`;
  if (changed("minValue")) sql += to.minValue === undefined ? " NO MINVALUE" : ` MINVALUE ${to.minValue}`;
  if (changed("maxValue")) sql += to.maxValue === undefined ? " NO MAXVALUE" : ` MAXVALUE ${to.maxValue}`;
  if (changed("start")) {
    const start = to.start ?? (ascending ? to.minValue ?? 1 : to.maxValue ?? -1);
    sql += ` START WITH ${start}`;
  }
  if (changed("cache")) sql += ` CACHE ${to.cache ?? 1}`;
  if (changed("cycle")) sql += to.cycle ? " CYCLE" : " NO CYCLE";
  if (changed("ownedBy")) sql += to.ownedBy === undefined ? " OWNED BY NONE" : ` OWNED BY ${ownedBy(w, to.ownedBy)}`;
  return sql;
}

/** `table.column` or `schema.table.column`, each part quoted. */
function ownedBy(w: DdlWriter, target: string): string {
  return target.split(".").map((part) => w.q(part)).join(".");
}

/** A view, or a materialized view with its indexes (so re-creating one, to change its query, keeps them). */
export function pgCreateView(w: DdlWriter, view: View): Statement[] {
  const name = w.name(view.schema, view.name);
  const kind = view.materialized ? "MATERIALIZED VIEW" : "VIEW";
  const statements: Statement[] = [{ sql: `CREATE ${kind} ${name} AS ${view.definition}${view.withNoData ? "\nWITH NO DATA" : ""}` }];
  if (view.comment !== undefined) statements.push({ sql: `COMMENT ON ${kind} ${name} IS ${w.string(view.comment)}` });
  for (const index of view.indexes) statements.push(pgCreateIndex(w, view.schema, view.name, index, false));
  return statements;
}

export function pgDropView(w: DdlWriter, schema: string | undefined, name: string, materialized: boolean): Statement {
  return { sql: `DROP ${materialized ? "MATERIALIZED VIEW" : "VIEW"} ${w.name(schema, name)}` };
}

/** The enum an op changes. */
interface EnumRef {
  readonly enumName: string;
  readonly schema?: string;
}

interface EnumColumnRow {
  readonly schema_name: string;
  readonly table_name: string;
  readonly column_name: string;
  readonly default_value: string | null;
  /** The column is an array of the enum. */
  readonly is_array: boolean;
}

/**
 * PostgreSQL can neither drop a value from an enum nor reorder its values:
 * the type is renamed away, a new one created with `newValues(current)`,
 * every column using it converted through text (rows still holding a
 * dropped value make that fail, which is the point), and the old type
 * dropped. Reads the current values and the columns using the type from
 * the catalog, or, written offline (`--sql`), from the model the
 * migrations leave.
 */
export async function pgRecreateEnum(
  w: DdlWriter,
  op: EnumRef,
  context: DdlContext,
  newValues: (current: readonly string[]) => readonly string[],
): Promise<Statement[]> {
  const schema = op.schema ?? w.dialect.defaultSchema ?? "public";
  const { labels, columns } = context.query ? await liveEnum(w, op, schema, context) : modelEnum(op, schema, context);
  const type = w.name(op.schema, op.enumName);
  const oldName = `${op.enumName}__strata_old`;
  const values = newValues(labels);
  const out: Statement[] = [
    { sql: `ALTER TYPE ${type} RENAME TO ${w.q(oldName)}` },
    { sql: `CREATE TYPE ${type} AS ENUM (${values.map((v) => w.string(v)).join(", ")})` },
  ];
  for (const column of columns) {
    const table = w.name(column.schema_name, column.table_name);
    const alter = `ALTER TABLE ${table} ALTER COLUMN ${w.q(column.column_name)}`;
    const literal = column.default_value === null ? undefined : /^'((?:[^']|'')*)'::/.exec(column.default_value)?.[1];
    if (column.default_value !== null && literal === undefined) {
      throw new DdlStateError(`the default of ${column.table_name}.${column.column_name} (${column.default_value}) cannot be carried to the new enum`);
    }
    if (literal !== undefined) out.push({ sql: `${alter} DROP DEFAULT` });
    const dims = column.is_array ? "[]" : "";
    out.push({ sql: `${alter} TYPE ${type}${dims} USING ${w.q(column.column_name)}::text${dims}::${type}${dims}` });
    if (literal !== undefined) out.push({ sql: `${alter} SET DEFAULT ${w.string(literal.replaceAll("''", "'"))}` });
  }
  out.push({ sql: `DROP TYPE ${w.name(op.schema, oldName)}` });
  return out;
}

async function liveEnum(w: DdlWriter, op: EnumRef, schema: string, context: DdlContext): Promise<{ labels: string[]; columns: EnumColumnRow[] }> {
  const query = context.query!;
  const [current] = await query<{ labels: string[] }>(
    `SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = $1 AND t.typname = $2`,
    [schema, op.enumName],
  );
  if (!current?.labels) throw new DdlStateError(`enum "${schema}.${op.enumName}" does not exist`);
  const columns = await query<EnumColumnRow>(
    `SELECT n.nspname AS schema_name, c.relname AS table_name, a.attname AS column_name,
            pg_get_expr(d.adbin, d.adrelid) AS default_value, a.atttypid <> to_regtype($1) AS is_array
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.atttypid IN (to_regtype($1), (SELECT typarray FROM pg_type WHERE oid = to_regtype($1)))
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY 1, 2, a.attnum`,
    [`${w.q(schema)}.${w.q(op.enumName)}`],
  );
  return { labels: current.labels, columns };
}

/** The same facts from the model: the enum's values and the columns of its type, defaults as the catalog would show them. */
function modelEnum(op: EnumRef, schema: string, context: DdlContext): { labels: string[]; columns: EnumColumnRow[] } {
  const model = context.metadata;
  if (!model) throw new DdlStateError(`changing the values of enum "${op.enumName}" reads its columns from the live database`);
  const inSchema = (s: string | undefined) => (s ?? schema) === schema;
  const found = [...model.enums.values()].find((e) => e.name === op.enumName && inSchema(e.schema));
  if (!found) throw new DdlStateError(`enum "${schema}.${op.enumName}" does not exist`);
  const columns: EnumColumnRow[] = [];
  for (const table of model.tables.values()) {
    for (const column of table.columns) {
      if (column.type.kind !== "enum" || column.type.name !== op.enumName || !inSchema(column.type.schema)) continue;
      const d = column.default;
      const shown = d === undefined ? null : d.kind === "enum" ? `'${d.value.replaceAll("'", "''")}'::${op.enumName}` : d.kind === "sql" ? d.sql : JSON.stringify(d);
      columns.push({ schema_name: table.schema ?? schema, table_name: table.name, column_name: column.name, default_value: shown, is_array: (column.type.arrayDims ?? 0) > 0 });
    }
  }
  return { labels: [...found.values], columns };
}
