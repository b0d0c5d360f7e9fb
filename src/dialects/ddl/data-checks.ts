import type { ForeignKeyConstraint } from "../../model/index.js";
import { AlterColumnOp } from "../../ops/alter-column-op.js";
import {
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  ValidateConstraintOp,
} from "../../ops/constraint-ops.js";
import { CreateIndexOp } from "../../ops/index-ops.js";
import type { MigrateOperation } from "../../ops/migrate-operation.js";
import type { DdlContext, Statement } from "../ddl-compiler.js";
import type { DdlWriter } from "./ddl-writer.js";

/** A table or column as a check writes it (`sql`, quoted) and names it in its message (`shown`). */
export interface Named {
  readonly sql: string;
  readonly shown: string;
}

/**
 * Checks that run before an op that would fail on the rows already in the
 * table (NOT NULL over NULLs, UNIQUE over duplicates, a FOREIGN KEY over
 * orphans): each returns at most one row, saying how many rows are in the
 * way and one of them by its key, and the migration fails with that, before
 * the op, instead of with the database's own error half-way through (MySQL
 * runs them before the migration's first statement). Narrowing has its own
 * (fit-check.ts). The count comes from a window over the offending rows, so
 * one query answers both.
 */
export function nullsCheck(w: DdlWriter, table: Named, column: Named, key: readonly string[]): Statement {
  const sample = key.map((k) => `${w.q(k)} AS ${w.q(`sample_${k}`)}, `).join("");
  return {
    sql: `SELECT ${sample}count(*) OVER () AS offending_rows FROM ${table.sql} WHERE ${column.sql} IS NULL LIMIT 1`,
    expectNoRows: `${table.shown}.${column.shown} is NULL in some rows, so it cannot be made NOT NULL (offending_rows says how many, sample_* names one); give them a value first`,
  };
}

export function duplicatesCheck(w: DdlWriter, table: Named, columns: readonly string[], what: string): Statement {
  const list = columns.map((c) => w.q(c)).join(", ");
  const notNull = columns.map((c) => `${w.q(c)} IS NOT NULL`).join(" AND ");
  return {
    sql: `SELECT ${list}, count(*) AS copies, count(*) OVER () AS duplicated_values FROM ${table.sql} WHERE ${notNull} GROUP BY ${list} HAVING count(*) > 1 LIMIT 1`,
    expectNoRows:
      `${table.shown} (${columns.join(", ")}) holds duplicates, so ${what} cannot be built (duplicated_values says how many values repeat, the row shows one and its copies); ` +
      "remove or change the duplicates first",
  };
}

export function orphansCheck(w: DdlWriter, table: Named, columns: readonly string[], target: Named, targetColumns: readonly string[], key: readonly string[]): Statement {
  const source = (c: string) => `s.${w.q(c)}`;
  const notNull = columns.map((c) => `${source(c)} IS NOT NULL`).join(" AND ");
  const matches = columns.map((c, i) => `t.${w.q(targetColumns[i]!)} = ${source(c)}`).join(" AND ");
  const sample = [...new Set([...key, ...columns])].map((c) => `${source(c)} AS ${w.q(`sample_${c}`)}`).join(", ");
  return {
    sql: `SELECT ${sample}, count(*) OVER () AS orphan_rows FROM ${table.sql} s WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${target.sql} t WHERE ${matches}) LIMIT 1`,
    expectNoRows:
      `rows of ${table.shown} (${columns.join(", ")}) reference ${target.shown} rows that do not exist, so the foreign key cannot be added (orphan_rows says how many, sample_* names one); ` +
      "delete them or point them at existing rows first",
  };
}

/** The table's primary key columns, to name a sample row by (none offline, or for a table without one). */
async function sampleKey(context: DdlContext, schema: string | undefined, table: string): Promise<readonly string[]> {
  return (await context.currentTable?.(schema, table))?.primaryKey?.columns ?? [];
}

/**
 * The checks an op needs before it runs on a table that already holds rows
 * (none for ops that cannot fail on existing data). The live table, when the
 * context can read it, names a sample row by its primary key.
 */
export async function dataChecks(w: DdlWriter, op: MigrateOperation, context: DdlContext): Promise<Statement[]> {
  const table = (o: { schema?: string; tableName: string }): Named => ({ sql: w.name(o.schema, o.tableName), shown: o.tableName });
  if (op instanceof AlterColumnOp && op.modifyNullable?.to === false) {
    return [nullsCheck(w, table(op), { sql: w.q(op.columnName), shown: op.columnName }, await sampleKey(context, op.schema, op.tableName))];
  }
  if (op instanceof CreateUniqueConstraintOp) return [duplicatesCheck(w, table(op), op.constraint.columns, "the unique constraint")];
  if (op instanceof CreatePrimaryKeyOp) {
    const columns = op.constraint.columns;
    return [...columns.map((c) => nullsCheck(w, table(op), { sql: w.q(c), shown: c }, [])), duplicatesCheck(w, table(op), columns, "the primary key")];
  }
  if (op instanceof CreateIndexOp && op.index.unique && op.index.where === undefined && op.index.elements.every((e) => e.kind === "column")) {
    return [duplicatesCheck(w, table(op), op.index.columnNames, `the unique index ${op.index.name}`)];
  }
  if (op instanceof CreateForeignKeyOp && !op.constraint.notValid) return [await fkCheck(w, op.tableName, op.schema, op.constraint, context)];
  if (op instanceof ValidateConstraintOp) {
    const fk = (await context.currentTable?.(op.schema, op.tableName))?.foreignKeys.find((k) => k.name === op.constraintName);
    return fk ? [await fkCheck(w, op.tableName, op.schema, fk, context)] : [];
  }
  return [];
}

async function fkCheck(w: DdlWriter, tableName: string, schema: string | undefined, fk: ForeignKeyConstraint, context: DdlContext): Promise<Statement> {
  const target = { sql: w.name(fk.target.schema, fk.target.name), shown: fk.target.name };
  return orphansCheck(w, { sql: w.name(schema, tableName), shown: tableName }, fk.columns, target, fk.targetColumns, await sampleKey(context, schema, tableName));
}
