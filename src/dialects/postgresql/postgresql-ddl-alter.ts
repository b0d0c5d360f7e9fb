import type { Column, IdentityKind, IdentityOptions } from "../../model/index.js";
import type { AlterColumnOp, Change } from "../../ops/alter-column-op.js";
import { DdlStateError, UnsupportedDdlError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import { fitCheck, type FitSql } from "../ddl/fit-check.js";
import type { Statement } from "../ddl-compiler.js";
import {
  columnComment,
  identityClause,
  identityOptionChanges,
  pgDefault,
  serialSequenceName,
  serialType,
  resetStorage,
} from "./postgresql-ddl-columns.js";

/**
 * ALTER COLUMN, one statement per change, in an order that keeps each one
 * valid: an old default goes before the type changes (it may not cast), the
 * new one comes after, and the rename is last so every other statement
 * names the column as it was.
 */
export function pgAlterColumn(w: DdlWriter, op: AlterColumnOp): Statement[] {
  const table = w.name(op.schema, op.tableName);
  const alter = (clause: string): Statement => ({ sql: `ALTER TABLE ${table} ALTER COLUMN ${w.q(op.columnName)} ${clause}` });
  const out: Statement[] = [];
  const def = op.modifyServerDefault;
  const kw = kwChanges(op);

  if (op.modifyType) {
    const check = fitCheck({ sql: table, shown: op.tableName }, { sql: w.q(op.columnName), name: op.columnName }, op.modifyType.from ?? op.existingType, op.modifyType.to, pgFit(w));
    if (check) out.push(check);
  }
  const dropFirst = def?.from !== undefined && (def.to === undefined || op.modifyType !== undefined || def.from.kind === "autoincrement");
  if (dropFirst) out.push(...dropDefault(w, op, alter));
  const collation = kw.modify_collation as Change<string | undefined> | undefined;
  if (op.modifyType || collation) {
    const type = op.modifyType?.to ?? op.existingType;
    if (!type) throw new DdlStateError(`changing the collation of "${op.columnName}" needs its type (existingType)`);
    const spelled = w.dialect.spellType(type);
    let clause = `TYPE ${spelled}`;
    const finalCollation = collation ? collation.to : undefined;
    if (finalCollation !== undefined) clause += ` COLLATE ${w.q(finalCollation)}`;
    if (op.modifyType) clause += ` USING ${w.q(op.columnName)}::${spelled}`;
    out.push(alter(clause));
  }
  if (def && def.to !== undefined) {
    if (def.to.kind === "autoincrement") out.push(...setSerial(w, op, table, alter));
    else out.push(alter(`SET DEFAULT ${pgDefault(w, def.to)}`));
  }
  if (op.modifyNullable) out.push(alter(op.modifyNullable.to ? "DROP NOT NULL" : "SET NOT NULL"));
  if (op.modifyComment) out.push(columnComment(w, table, op.columnName, op.modifyComment.to));
  const identity = kw.modify_identity as Change<IdentityKind | undefined> | undefined;
  const options = kw.modify_identity_options as Change<IdentityOptions | undefined> | undefined;
  if (identity) out.push(...alterIdentity(identity, options?.to, alter));
  if (options && identity?.from === undefined && identity?.to === undefined) {
    const clauses = identityOptionChanges(options.from ?? {}, options.to ?? {});
    if (clauses.length) out.push(alter(clauses.join(" ")));
  }
  const storage = kw.modify_storage as Change<Column["storage"]> | undefined;
  if (storage) {
    const type = op.modifyType?.to ?? op.existingType;
    if (storage.to === undefined && !type) throw new DdlStateError(`resetting the storage of "${op.columnName}" needs its type (existingType)`);
    out.push(storage.to !== undefined ? alter(`SET STORAGE ${storage.to.toUpperCase()}`) : resetStorage(w, table, op.columnName, type!));
  }
  const compression = kw.modify_compression as Change<string | undefined> | undefined;
  if (compression) out.push(alter(`SET COMPRESSION ${compression.to ?? "default"}`));
  const generated = kw.modify_generated as Change<Column["generated"]> | undefined;
  if (generated) {
    if (generated.from && !generated.to) out.push(alter("DROP EXPRESSION"));
    else throw new UnsupportedDdlError("postgresql", `change the generation expression of "${op.columnName}" in place (PostgreSQL 15 can only drop it)`);
  }
  if (op.modifyName) out.push({ sql: `ALTER TABLE ${table} RENAME COLUMN ${w.q(op.columnName)} TO ${w.q(op.modifyName.to)}` });
  return out;
}

/** PostgreSQL's spelling of what a fit check needs (an explicit cast truncates and rounds: the check runs first). */
function pgFit(w: DdlWriter): FitSql {
  return {
    length: (value) => `char_length(CAST(${value} AS text))`,
    cast: (value, type) => `CAST(${value} AS ${w.dialect.spellType(type)})`,
    integerWidths: true,
    timePrecision: 6,
  };
}

const KNOWN_KW = new Set([
  "modify_identity",
  "modify_identity_options",
  "modify_generated",
  "modify_collation",
  "modify_storage",
  "modify_compression",
]);

function kwChanges(op: AlterColumnOp): Readonly<Record<string, unknown>> {
  for (const key of Object.keys(op.kw)) {
    if (key.startsWith("modify_") && !KNOWN_KW.has(key)) {
      throw new UnsupportedDdlError("postgresql", `apply the column change "${key}" (no built-in DDL knows it)`);
    }
  }
  return op.kw;
}

/** DROP DEFAULT; a serial's default goes with its owned sequence. */
function dropDefault(w: DdlWriter, op: AlterColumnOp, alter: (clause: string) => Statement): Statement[] {
  const out = [alter("DROP DEFAULT")];
  if (op.modifyServerDefault?.from?.kind === "autoincrement") {
    out.push({ sql: `DROP SEQUENCE IF EXISTS ${w.name(op.schema, serialSequenceName(op.tableName, op.columnName))}` });
  }
  return out;
}

/** What `serial` does, for an existing column: an owned sequence and a nextval default. */
function setSerial(w: DdlWriter, op: AlterColumnOp, table: string, alter: (clause: string) => Statement): Statement[] {
  const type = op.modifyType?.to ?? op.existingType;
  if (type) serialType(op.columnName, type);
  const sequence = w.name(op.schema, serialSequenceName(op.tableName, op.columnName));
  return [
    { sql: `CREATE SEQUENCE ${sequence} OWNED BY ${table}.${w.q(op.columnName)}` },
    alter(`SET DEFAULT nextval(${w.string(sequence)}::regclass)`),
  ];
}

/** Adding an identity writes its options; changing its kind leaves them to modify_identity_options. */
function alterIdentity(change: Change<IdentityKind | undefined>, options: IdentityOptions | undefined, alter: (clause: string) => Statement): Statement[] {
  if (change.to === undefined) return [alter("DROP IDENTITY")];
  if (change.from === undefined) return [alter(`ADD ${identityClause(change.to, options)}`)];
  return [alter(`SET GENERATED ${change.to === "always" ? "ALWAYS" : "BY DEFAULT"}`)];
}
