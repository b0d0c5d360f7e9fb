import type { Extension } from "../../model/index.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";

/** `CREATE EXTENSION "citext" SCHEMA "ext" VERSION '1.6'`, with only what the model states. */
export function pgCreateExtension(w: DdlWriter, extension: Extension): Statement[] {
  const schema = extension.schema !== undefined ? ` SCHEMA ${w.q(extension.schema)}` : "";
  const version = extension.version !== undefined ? ` VERSION ${w.string(extension.version)}` : "";
  return [{ sql: `CREATE EXTENSION ${w.q(extension.name)}${schema}${version}` }];
}

/**
 * Moves an extension's objects to `to`'s schema and updates it to `to`'s
 * version; no version means the server's default one (`UPDATE` alone).
 */
export function pgAlterExtension(w: DdlWriter, from: Extension, to: Extension): Statement[] {
  const name = w.q(to.name);
  const statements: Statement[] = [];
  if (from.schema !== to.schema) {
    statements.push({ sql: `ALTER EXTENSION ${name} SET SCHEMA ${w.q(to.schema ?? w.dialect.defaultSchema ?? "public")}` });
  }
  if (from.version !== to.version) {
    statements.push({ sql: `ALTER EXTENSION ${name} UPDATE${to.version !== undefined ? ` TO ${w.string(to.version)}` : ""}` });
  }
  return statements;
}
