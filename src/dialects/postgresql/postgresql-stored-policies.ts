import type { Policy } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { DdlWriter } from "../ddl/ddl-writer.js";
import { pgCreatePolicy } from "./postgresql-ddl-policies.js";
import { POLICY_COLUMNS, POLICY_SOURCES, policyFromRow, type PolicyRow } from "./postgresql-reflect-policies.js";

/**
 * How PostgreSQL would store these policies' USING and WITH CHECK
 * expressions (its parentheses, casts, column aliases in subqueries): each is
 * created on its own table under a name of its own, for PUBLIC, read back
 * with the columns reflection reads, and undone by rolling back, so nothing
 * is left behind. The table must be the policy's own (an expression may
 * name it), so creating a probe waits for the table's lock at most a few
 * seconds; a policy the server refuses or that waits longer is left out.
 * The map is keyed by the model policy's key; only the expressions come
 * from the server.
 */
export async function postgresqlStoredPolicies(connection: DatabaseConnection, policies: readonly Policy[]): Promise<Map<string, Policy>> {
  const stored = new Map<string, Policy>();
  if (policies.length === 0) return stored;
  const [{ in_transaction: inTransaction }] = await connection.query<{ in_transaction: boolean }>(
    "select transaction_timestamp() < statement_timestamp() as in_transaction",
  );
  const w = new DdlWriter(connection.dialect, "postgresql", (n) => `$${n}`);
  await connection.execute(inTransaction ? "savepoint strata_stored_policies" : "begin");
  try {
    await connection.execute("set local lock_timeout = '3s'");
    for (const policy of policies) {
      const probe = policy.with({ name: "strata_policy_probe", roles: [], comment: undefined });
      await connection.execute("savepoint strata_stored_policy");
      try {
        for (const { sql } of pgCreatePolicy(w, probe)) await connection.execute(sql);
        const [row] = await connection.query<PolicyRow>(
          `select ${POLICY_COLUMNS}
             from ${POLICY_SOURCES}
            where p.polrelid = $1::regclass and p.polname = $2`,
          [w.name(policy.schema, policy.table), probe.name],
        );
        if (row) {
          const read = policyFromRow(row, policy.schema);
          stored.set(policy.key, policy.with({ using: read.using, check: read.check }));
        }
      } catch {
        // Refused or waited too long: compared as written.
      }
      await connection.execute("rollback to savepoint strata_stored_policy");
    }
  } finally {
    await connection.execute(inTransaction ? "rollback to savepoint strata_stored_policies" : "rollback");
  }
  return stored;
}
