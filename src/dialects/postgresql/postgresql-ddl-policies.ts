import { PUBLIC_ROLE, type Policy, type TableOptions } from "../../model/index.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";

/** `TO` roles: `PUBLIC` is a keyword (quoted, it would name a role of that name, which PostgreSQL reserves). */
function roles(w: DdlWriter, policy: Policy): string {
  return policy.roles.map((r) => (r === PUBLIC_ROLE ? "PUBLIC" : w.q(r))).join(", ");
}

function on(w: DdlWriter, policy: { schema?: string; table: string; name: string }): string {
  return `${w.q(policy.name)} ON ${w.name(policy.schema, policy.table)}`;
}

function comment(w: DdlWriter, policy: Policy, text: string | undefined): Statement {
  return { sql: `COMMENT ON POLICY ${on(w, policy)} IS ${text === undefined ? "NULL" : w.string(text)}` };
}

/** CREATE POLICY with every clause the policy has, then its comment. */
export function pgCreatePolicy(w: DdlWriter, policy: Policy): Statement[] {
  let sql = `CREATE POLICY ${on(w, policy)} AS ${policy.restrictive ? "RESTRICTIVE" : "PERMISSIVE"} FOR ${policy.command.toUpperCase()} TO ${roles(w, policy)}`;
  if (policy.using !== undefined) sql += ` USING (${policy.using})`;
  if (policy.check !== undefined) sql += ` WITH CHECK (${policy.check})`;
  return [{ sql }, ...(policy.comment !== undefined ? [comment(w, policy, policy.comment)] : [])];
}

export function pgDropPolicy(w: DdlWriter, policy: { schema?: string; table: string; name: string }): Statement {
  return { sql: `DROP POLICY ${on(w, policy)}` };
}

/**
 * A policy's new definition: ALTER POLICY sets roles, USING and WITH CHECK,
 * but cannot change the command or restrictiveness, nor take a clause away;
 * those changes drop the policy and create it again (in the migration's
 * transaction, so no moment passes without it).
 */
export function pgAlterPolicy(w: DdlWriter, from: Policy | undefined, to: Policy): Statement[] {
  const recreate =
    from === undefined ||
    from.command !== to.command ||
    from.restrictive !== to.restrictive ||
    (from.using !== undefined && to.using === undefined) ||
    (from.check !== undefined && to.check === undefined);
  if (recreate) return [pgDropPolicy(w, to), ...pgCreatePolicy(w, to)];
  const clauses = [`TO ${roles(w, to)}`];
  if (to.using !== undefined) clauses.push(`USING (${to.using})`);
  if (to.check !== undefined) clauses.push(`WITH CHECK (${to.check})`);
  const statements: Statement[] = [{ sql: `ALTER POLICY ${on(w, to)} ${clauses.join(" ")}` }];
  if (from.comment !== to.comment) statements.push(comment(w, to, to.comment));
  return statements;
}

/** `ENABLE`/`DISABLE` and `FORCE`/`NO FORCE ROW LEVEL SECURITY`, for the row-level security options given (`null`: off). */
export function pgRowLevelSecurity(options: { [K in keyof TableOptions]?: TableOptions[K] | null }): string[] {
  const clauses: string[] = [];
  if ("rowLevelSecurity" in options) clauses.push(`${options.rowLevelSecurity ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`);
  if ("forceRowLevelSecurity" in options) clauses.push(`${options.forceRowLevelSecurity ? "FORCE" : "NO FORCE"} ROW LEVEL SECURITY`);
  return clauses;
}
