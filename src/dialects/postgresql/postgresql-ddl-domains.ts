import { defaultsEqual, type CheckConstraint, type Domain } from "../../model/index.js";
import { DdlStateError, UnsupportedDdlError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";
import { pgDefault } from "./postgresql-ddl-columns.js";

/** `CREATE DOMAIN posint AS integer DEFAULT 1 NOT NULL CONSTRAINT posint_check CHECK (VALUE > 0)`. */
export function pgCreateDomain(w: DdlWriter, domain: Domain): Statement[] {
  const parts = [`CREATE DOMAIN ${w.name(domain.schema, domain.name)} AS ${w.dialect.spellType(domain.type)}`];
  if (domain.collation !== undefined) parts.push(`COLLATE ${w.q(domain.collation)}`);
  if (domain.default !== undefined) parts.push(`DEFAULT ${domainDefault(w, domain)}`);
  if (!domain.nullable) parts.push("NOT NULL");
  for (const check of domain.checks) parts.push(w.check(check));
  return [{ sql: parts.join(" ") }];
}

/**
 * ALTER DOMAIN for what changed between `from` and `to`: checks (dropped
 * before the new ones are added, so a changed check keeps its name),
 * default and NOT NULL. A domain's base type or collation cannot change in
 * place: that is drop and create, which the columns using it forbid.
 */
export function pgAlterDomain(w: DdlWriter, from: Domain, to: Domain): Statement[] {
  const name = w.name(to.schema, to.name);
  if (w.dialect.spellType(from.type) !== w.dialect.spellType(to.type) || from.collation !== to.collation) {
    throw new UnsupportedDdlError("postgresql", `change the type or collation of domain ${name} in place (drop the columns' use of it, drop and create it)`);
  }
  const statements: Statement[] = [];
  const sameCheck = (a: CheckConstraint, b: CheckConstraint) => a.name === b.name && a.expression === b.expression;
  for (const check of from.checks.filter((c) => !to.checks.some((t) => sameCheck(c, t)))) {
    if (check.name === undefined) throw new DdlStateError(`dropping a check of domain ${name} needs its name`);
    statements.push({ sql: `ALTER DOMAIN ${name} DROP CONSTRAINT ${w.q(check.name)}` });
  }
  if (!sameDefault(from, to)) {
    statements.push({ sql: `ALTER DOMAIN ${name} ${to.default === undefined ? "DROP DEFAULT" : `SET DEFAULT ${domainDefault(w, to)}`}` });
  }
  if (from.nullable !== to.nullable) statements.push({ sql: `ALTER DOMAIN ${name} ${to.nullable ? "DROP" : "SET"} NOT NULL` });
  for (const check of to.checks.filter((c) => !from.checks.some((f) => sameCheck(c, f)))) {
    statements.push({ sql: `ALTER DOMAIN ${name} ADD ${w.check(check)}` });
  }
  return statements;
}

function sameDefault(a: Domain, b: Domain): boolean {
  return a.default === undefined || b.default === undefined ? a.default === b.default : defaultsEqual(a.default, b.default);
}

function domainDefault(w: DdlWriter, domain: Domain): string {
  const value = domain.default!;
  if (value.kind === "autoincrement") throw new UnsupportedDdlError("postgresql", `give domain "${domain.name}" autoincrement(): use a sequence's nextval()`);
  return pgDefault(w, value);
}
