import type { Trigger } from "../../model/index.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";
import { triggerEvents, triggerTiming } from "../ddl/trigger-clauses.js";

/** CREATE [CONSTRAINT] TRIGGER ... EXECUTE FUNCTION, then its comment. */
export function pgCreateTrigger(w: DdlWriter, trigger: Trigger): Statement[] {
  const table = w.name(trigger.schema, trigger.table);
  let sql = `CREATE ${trigger.constraint ? "CONSTRAINT " : ""}TRIGGER ${w.q(trigger.name)} ${triggerTiming(trigger)} ${triggerEvents(w, trigger)} ON ${table}`;
  if (trigger.from !== undefined) sql += ` FROM ${trigger.from}`;
  if (trigger.deferrable) sql += ` DEFERRABLE INITIALLY ${trigger.initiallyDeferred ? "DEFERRED" : "IMMEDIATE"}`;
  if (trigger.oldTable !== undefined || trigger.newTable !== undefined) {
    sql += " REFERENCING";
    if (trigger.oldTable !== undefined) sql += ` OLD TABLE AS ${w.q(trigger.oldTable)}`;
    if (trigger.newTable !== undefined) sql += ` NEW TABLE AS ${w.q(trigger.newTable)}`;
  }
  if (trigger.forEach) sql += ` FOR EACH ${trigger.forEach.toUpperCase()}`;
  if (trigger.when !== undefined) sql += ` WHEN (${trigger.when})`;
  sql += ` EXECUTE FUNCTION ${trigger.execute ?? ""}`;
  const statements: Statement[] = [{ sql }];
  if (trigger.comment !== undefined) statements.push({ sql: `COMMENT ON TRIGGER ${w.q(trigger.name)} ON ${table} IS ${w.string(trigger.comment)}` });
  return statements;
}

export function pgDropTrigger(w: DdlWriter, schema: string | undefined, table: string, name: string): Statement {
  return { sql: `DROP TRIGGER ${w.q(name)} ON ${w.name(schema, table)}` };
}
