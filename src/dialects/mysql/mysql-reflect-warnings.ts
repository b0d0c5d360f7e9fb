import type { ColumnRow, IndexRow, RelationRow } from "./mysql-catalog.js";

/**
 * What the catalog says and the model cannot hold, one sentence each, so
 * that `strata pull` and diff can say what they leave out instead of losing
 * it silently (kept in `metadata.info.reflectionWarnings`).
 */
export function reflectionWarnings(
  relations: readonly RelationRow[],
  columns: readonly ColumnRow[],
  indexes: readonly IndexRow[],
): string[] {
  const warnings: string[] = [];
  for (const relation of relations) {
    if (relation.type === "SEQUENCE") warnings.push(`sequence "${relation.name}" is not reflected: the model has no sequences on MySQL`);
    if (relation.type === "SYSTEM VERSIONED") warnings.push(`system versioning of table "${relation.name}" is not in the model`);
    if (relation.checkOption && relation.checkOption !== "NONE") {
      warnings.push(`WITH ${relation.checkOption} CHECK OPTION of view "${relation.name}" is not in the model`);
    }
    if (relation.security === "INVOKER") warnings.push(`SQL SECURITY INVOKER of view "${relation.name}" is not in the model`);
  }
  for (const column of columns) {
    const where = `column "${column.name}" of table "${column.tableName}"`;
    const digits = /^(float|double|real)\((.*?)\)/i.exec(column.columnType);
    if (digits) warnings.push(`${where} is ${column.columnType}: the deprecated (${digits[2]}) is not in the model`);
  }
  const commented = new Set<string>();
  for (const part of indexes) {
    // A key's comment is repeated on each of its columns: say it once.
    const key = `${part.tableName}\0${part.name}`;
    if (part.comment && !commented.has(key)) {
      commented.add(key);
      warnings.push(`the comment of index "${part.name}" on table "${part.tableName}" is not in the model`);
    }
    if (part.name === "PRIMARY" && part.subPart !== null) {
      warnings.push(`the primary key of table "${part.tableName}" indexes a prefix of column "${part.columnName}", which is not in the model`);
    }
  }
  return warnings;
}
