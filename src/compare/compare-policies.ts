import { PUBLIC_ROLE, type MetaData, type Policy } from "../model/index.js";
import { AlterPolicyOp, CreatePolicyOp, DropPolicyOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";
import { normalizeSql } from "./normalize-sql.js";

/**
 * Row-level security policies, by table and name. USING and WITH CHECK are
 * compared as normalized SQL, then, where that still differs, as the
 * server would store the model's (Dialect.storedPolicies: PostgreSQL prints
 * them back with its own parentheses, casts and aliases); roles as a set. A
 * policy of a dropped table is dropped by an op of its own before the
 * table, so the downgrade re-creates it after the table. A changed policy
 * is altered.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "policies" })(comparePolicies);
}

function comparePolicies(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): void {
  if (!ctx.dialect.capabilities.policies) return;
  const target = ctx.targetMetadata.policies;
  const database = ctx.databaseMetadata.policies;
  for (const schema of schemas) {
    const parentOf = (p: Policy) => parentNames(schema, p.table);
    const conn = new Map(
      inSchema(database.values(), schema)
        .filter((p) => included(ctx, [p], "policy", true, parentOf(p), (x) => target.get(x.key)).length > 0)
        .map((p) => [p.key, p]),
    );
    const meta = inSchema(target.values(), schema).filter((p) => included(ctx, [p], "policy", false, parentOf(p), (x) => database.get(x.key)).length > 0);
    const metaKeys = new Set(meta.map((p) => p.key));
    for (const m of meta) {
      const c = conn.get(m.key);
      if (!c) upgradeOps.ops.push(new CreatePolicyOp(m));
      else if (!samePolicy(c, ctx.storedPolicies.get(m.key) ?? m)) upgradeOps.ops.push(new AlterPolicyOp(m, c));
    }
    for (const c of conn.values()) {
      if (!metaKeys.has(c.key)) upgradeOps.ops.push(new DropPolicyOp(c.name, c.table, { schema: c.schema, policy: c }));
    }
  }
}

export function samePolicy(a: Policy, b: Policy): boolean {
  return (
    a.command === b.command &&
    a.restrictive === b.restrictive &&
    roleSet(a) === roleSet(b) &&
    sameExpressions(a, b) &&
    a.comment === b.comment
  );
}

function sameExpressions(a: Policy, b: Policy): boolean {
  const sql = (text: string | undefined) => (text === undefined ? "" : normalizeSql(text));
  return sql(a.using) === sql(b.using) && sql(a.check) === sql(b.check);
}

/** PostgreSQL ignores the other roles of a list that names PUBLIC (every role is a member of it). */
function roleSet(p: Policy): string {
  return p.roles.includes(PUBLIC_ROLE) ? PUBLIC_ROLE : [...new Set(p.roles)].sort().join(",");
}

/** The target's policies whose database counterpart differs only in its expressions as written: the ones to ask the server about. */
export function policiesToAskAbout(database: MetaData, target: MetaData): Policy[] {
  return [...target.policies.values()].filter((p) => {
    const existing = database.policies.get(p.key);
    return existing !== undefined && !sameExpressions(existing, p);
  });
}
