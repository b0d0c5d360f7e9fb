import type { TableOptions } from "../../model/index.js";
import type { RelationRow, ServerRow } from "./mysql-catalog.js";

/**
 * A table's options as the model holds them: only what differs from what a
 * CREATE TABLE naming none would give (the database's engine, character set
 * and collation; the character set's own default collation when it is not
 * the database's), so `pull` writes them only where they were chosen.
 * ROW_FORMAT counts only when the DDL named it (CREATE_OPTIONS); the
 * AUTO_INCREMENT value only past 1.
 */
export function reflectTableOptions(relation: RelationRow, server: ServerRow): TableOptions {
  const charset = relation.charset ?? server.charset;
  const impliedCollation = charset === server.charset ? server.collation : relation.charsetCollation;
  const rowFormat = /\brow_format=(\w+)/i.exec(relation.createOptions ?? "")?.[1];
  const autoIncrement = Number(relation.autoIncrement ?? 1);
  return {
    engine: relation.engine && relation.engine.toLowerCase() !== server.engine.toLowerCase() ? relation.engine : undefined,
    rowFormat: rowFormat?.toUpperCase(),
    autoIncrement: autoIncrement > 1 ? autoIncrement : undefined,
    charset: charset !== server.charset ? charset : undefined,
    collation: relation.collation && relation.collation !== impliedCollation ? relation.collation : undefined,
  };
}
