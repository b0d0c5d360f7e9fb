import type { Column, CompositeType } from "../../model/index.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";
import { pgColumnDefinition } from "./postgresql-ddl-columns.js";

/** `CREATE TYPE geo.point AS (x integer, y integer)`: attributes are written as nullable columns with no default. */
export function pgCreateCompositeType(w: DdlWriter, type: CompositeType): Statement {
  return { sql: `CREATE TYPE ${w.name(type.schema, type.name)} AS (${type.attributes.map((a) => pgColumnDefinition(w, a)).join(", ")})` };
}

/**
 * One ALTER TYPE for what changed between `from` and `to`: attributes
 * dropped, added (at the end: PostgreSQL cannot place one elsewhere) and
 * given a new type or collation. Columns of the type follow it.
 */
export function pgAlterCompositeType(w: DdlWriter, from: CompositeType, to: CompositeType): Statement[] {
  const actions: string[] = [];
  const find = (list: readonly Column[], name: string) => list.find((a) => a.name === name);
  for (const a of from.attributes) if (!find(to.attributes, a.name)) actions.push(`DROP ATTRIBUTE ${w.q(a.name)}`);
  for (const a of to.attributes) {
    const before = find(from.attributes, a.name);
    if (!before) actions.push(`ADD ATTRIBUTE ${pgColumnDefinition(w, a)}`);
    else if (w.dialect.spellType(before.type) !== w.dialect.spellType(a.type) || before.collation !== a.collation) {
      actions.push(`ALTER ATTRIBUTE ${pgColumnDefinition(w, a).replace(/^("(?:[^"]|"")*"|\S+) /, "$1 TYPE ")}`);
    }
  }
  return actions.length ? [{ sql: `ALTER TYPE ${w.name(to.schema, to.name)} ${actions.join(", ")}` }] : [];
}
