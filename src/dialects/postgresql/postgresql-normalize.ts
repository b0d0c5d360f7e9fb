import { defaultsEqual, scalarType, withUnspecifiedAction, type Column, type MetaData, type SqlType } from "../../model/index.js";
import { canonicalPostgresqlDefault } from "./postgresql-model-defaults.js";
import { canonicalIdentityOptions, canonicalSequence } from "./postgresql-reflect-sequences.js";

/**
 * A model as PostgreSQL reads it back: the server fills in the parameters a
 * type was written without (`numeric(10)` is `numeric(10,0)`, `char` and
 * `bit` are length 1), stores defaults as canonical values
 * (postgresql-model-defaults.ts), and keeps a sequence's options only where
 * they differ from CREATE SEQUENCE's own; a foreign key's NO ACTION is the
 * unspecified action it stores as the same 'a'. Everything else PostgreSQL keeps as
 * written. Pure and idempotent; unchanged objects stay the same instances.
 */
export function normalizePostgresqlModel(metadata: MetaData): MetaData {
  const tables = [...metadata.tables.values()];
  const normalizedTables = tables.map((table) => {
    const columns = table.columns.map(normalizeColumn);
    const foreignKeys = table.foreignKeys.map((fk) => withUnspecifiedAction(fk, "noAction"));
    return sameItems(columns, table.columns) && sameItems(foreignKeys, table.foreignKeys) ? table : table.with({ columns, foreignKeys });
  });
  const sequences = [...metadata.sequences.values()];
  const normalizedSequences = sequences.map(canonicalSequence);
  const sameTables = normalizedTables.every((t, i) => t === tables[i]);
  const sameSequences = normalizedSequences.every((s, i) => s === sequences[i]);
  if (sameTables && sameSequences) return metadata;
  return metadata.with({ tables: normalizedTables, sequences: normalizedSequences });
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.every((x, i) => x === b[i]);

function normalizeColumn(column: Column): Column {
  const type = normalizePostgresqlType(column.type);
  const typed = type === column.type ? column : column.with({ type });
  const value = canonicalPostgresqlDefault(typed);
  const defaulted = defaultsEqual(value, typed.default) ? typed : typed.with({ default: value });
  if (!defaulted.identityOptions || type.kind !== "scalar") return defaulted;
  return defaulted.with({ identityOptions: canonicalIdentityOptions(defaulted.identityOptions, type.name) });
}

export function normalizePostgresqlType(type: SqlType): SqlType {
  if (type.kind !== "scalar") return type;
  const extra = { unsigned: type.unsigned, arrayDims: type.arrayDims };
  if (type.name === "decimal" && type.args.length === 1) return scalarType("decimal", [type.args[0], 0], extra);
  if ((type.name === "char" || type.name === "bit") && type.args.length === 0) return scalarType(type.name, [1], extra);
  return type;
}
