import type { Table } from "../../model/index.js";
import type { AlterTableOptionsOp } from "../../ops/table-options-ops.js";
import { DdlStateError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { DdlContext, Statement } from "../ddl-compiler.js";
import { mysqlColumnDefinition } from "./mysql-ddl-columns.js";

/** CREATE TABLE's options after the body: what the model names, the database's defaults for the rest. */
export function mysqlTableOptionsSql(w: DdlWriter, table: Table): string {
  const o = table.options;
  const parts = [
    o.engine !== undefined ? `ENGINE=${o.engine}` : "",
    o.rowFormat !== undefined ? `ROW_FORMAT=${o.rowFormat}` : "",
    o.autoIncrement !== undefined ? `AUTO_INCREMENT=${o.autoIncrement}` : "",
    o.charset !== undefined ? `DEFAULT CHARSET=${o.charset}` : "",
    o.collation !== undefined ? `COLLATE=${o.collation}` : "",
    table.comment !== undefined ? `COMMENT=${w.string(table.comment)}` : "",
    o.partitions ?? "",
  ].filter((p) => p !== "");
  return parts.length ? ` ${parts.join(" ")}` : "";
}

interface ServerDefaults {
  readonly charset: string;
  readonly collation: string;
  readonly engine: string;
}

/**
 * ALTER TABLE for changed options. A character set or collation change is
 * CONVERT TO, which converts the table's character columns with it (the
 * model gives every column without a collation of its own the table's);
 * columns with a collation of their own are then restated with it, read
 * from the live table. Going back to a default (`null`) names the
 * database's default, read from the server.
 */
export async function mysqlAlterTableOptions(w: DdlWriter, op: AlterTableOptionsOp, context: DdlContext): Promise<Statement[]> {
  const o = op.options;
  let server: ServerDefaults | undefined;
  const defaults = async (): Promise<ServerDefaults> => (server ??= await serverDefaults(op, context));
  const clauses: string[] = [];
  if ("engine" in o) clauses.push(`ENGINE = ${o.engine ?? (await defaults()).engine}`);
  if ("rowFormat" in o) clauses.push(`ROW_FORMAT = ${o.rowFormat ?? "DEFAULT"}`);
  if (o.autoIncrement != null) clauses.push(`AUTO_INCREMENT = ${o.autoIncrement}`);
  const table = w.name(op.schema, op.tableName);
  const restated: Statement[] = [];
  if ("charset" in o || "collation" in o) {
    const charset = o.charset ?? (await defaults()).charset;
    const collation = o.collation ?? (o.charset == null ? (await defaults()).collation : undefined);
    clauses.push(`CONVERT TO CHARACTER SET ${charset}${collation ? ` COLLATE ${collation}` : ""}`);
    const live = await context.currentTable?.(op.schema, op.tableName);
    for (const column of live?.columns ?? []) {
      if (column.collation !== undefined && column.type.kind === "scalar") {
        restated.push({ sql: `ALTER TABLE ${table} MODIFY COLUMN ${mysqlColumnDefinition(w, column, context)}` });
      }
    }
  }
  // Partitioning is not an option among options: it goes alone, after them.
  const partitioning: Statement[] = "partitions" in o ? [{ sql: `ALTER TABLE ${table} ${o.partitions ?? "REMOVE PARTITIONING"}` }] : [];
  return [...(clauses.length ? [{ sql: `ALTER TABLE ${table} ${clauses.join(", ")}` }] : []), ...restated, ...partitioning];
}

async function serverDefaults(op: AlterTableOptionsOp, context: DdlContext): Promise<ServerDefaults> {
  if (!context.query) {
    throw new DdlStateError(`setting a table option of "${op.tableName}" back to the database's default reads that default from the database`);
  }
  const [row] = await context.query<ServerDefaults>(
    "SELECT @@character_set_database AS charset, @@collation_database AS collation, @@default_storage_engine AS engine",
  );
  return row;
}
