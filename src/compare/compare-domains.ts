import { CheckConstraint, defaultsEqual, Domain, type DefaultValue } from "../model/index.js";
import { AlterDomainOp, CreateDomainOp, DropDomainOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";
import { normalizeSql } from "./normalize-sql.js";

/**
 * PostgreSQL domains, per schema. A domain whose checks, default or NOT
 * NULL differ is altered in place; its base type and collation are compared
 * as the dialect spells them. Checks match by name where the model names
 * them, else by their normalized expression.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "domains" })(compareDomains);
}

function compareDomains(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): void {
  if (!ctx.dialect.capabilities.domains) return;
  const target = ctx.targetMetadata.domains;
  const database = ctx.databaseMetadata.domains;
  for (const schema of schemas) {
    const parent = parentNames(schema);
    const conn = new Map(included(ctx, inSchema(database.values(), schema), "domain", true, parent, (d) => target.get(d.key)).map((d) => [d.key, d]));
    const meta = included(ctx, inSchema(target.values(), schema), "domain", false, parent, (d) => database.get(d.key));
    for (const m of meta) {
      const c = conn.get(m.key);
      if (!c) upgradeOps.ops.push(new CreateDomainOp(m));
      else if (differs(ctx, c, m)) upgradeOps.ops.push(new AlterDomainOp(c, withCheckNames(m, c)));
    }
    const metaKeys = new Set(meta.map((d) => d.key));
    for (const c of conn.values()) if (!metaKeys.has(c.key)) upgradeOps.ops.push(new DropDomainOp(c.name, { schema, domain: c }));
  }
}

function differs(ctx: AutogenContext, conn: Domain, meta: Domain): boolean {
  const spell = (d: Domain) => ctx.dialect.spellType(d.type);
  return (
    spell(conn) !== spell(meta) ||
    conn.nullable !== meta.nullable ||
    conn.collation !== meta.collation ||
    !sameDefault(conn.default, meta.default) ||
    withCheckNames(meta, conn).checks.some((m) => !conn.checks.some((c) => sameCheck(c, m))) ||
    conn.checks.length !== meta.checks.length
  );
}

function sameDefault(a: DefaultValue | undefined, b: DefaultValue | undefined): boolean {
  return a === undefined || b === undefined ? a === b : defaultsEqual(a, b);
}

function sameCheck(a: CheckConstraint, b: CheckConstraint): boolean {
  return a.name === b.name && normalizeSql(a.expression) === normalizeSql(b.expression);
}

/**
 * The target with its unnamed checks named as the database named the same
 * check, so an unchanged check is no change and the ALTER names what it drops.
 */
function withCheckNames(meta: Domain, conn: Domain): Domain {
  if (meta.checks.every((c) => c.name !== undefined)) return meta;
  const checks = meta.checks.map((m) => {
    if (m.name !== undefined) return m;
    const same = conn.checks.find((c) => normalizeSql(c.expression) === normalizeSql(m.expression));
    return same ? new CheckConstraint({ name: same.name, expression: same.expression }) : m;
  });
  return new Domain({ ...meta, checks, info: meta.info });
}
