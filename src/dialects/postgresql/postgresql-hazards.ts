import type { Column, SqlType } from "../../model/index.js";
import { AlterColumnOp } from "../../ops/alter-column-op.js";
import { AddColumnOp } from "../../ops/column-ops.js";
import {
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropConstraintOp,
} from "../../ops/constraint-ops.js";
import { AddEnumValueOp, DropEnumValueOp } from "../../ops/enum-ops.js";
import { ExecuteSQLOp } from "../../ops/execute-sql-op.js";
import { CreateIndexOp, DropIndexOp } from "../../ops/index-ops.js";
import type { MigrateOperation } from "../../ops/migrate-operation.js";
import { DropColumnOp } from "../../ops/column-ops.js";
import { DropTableOp, RenameTableOp } from "../../ops/table-ops.js";
import { quotePgIdentifier } from "./postgresql-identifiers.js";
import { atLeast, lockWaitSeverity, parseServerVersion, TINY_TABLE_ROWS, type Hazard, type HazardRules, type HazardScope, type PgLockMode } from "../hazards.js";
import { boundedCounts, enumUsers, hazardTable, tableOfOp, liveColumn, type TableOp } from "../hazard-helpers.js";

/**
 * PostgreSQL's locks and rewrites, per op (the lock levels of the ALTER
 * TABLE reference page, PostgreSQL 11 to 18; the lock tests observe them).
 */
export const postgresqlHazards: HazardRules = {
  hazardsOf(op, scope) {
    const found = hazardsOf(op, scope);
    const lock = lockOf(op);
    if (lock && STRONG.has(lock) && !scope.lockTimeoutSet && tableOfOp(op) !== undefined) {
      found.push({
        code: "missing-lock-timeout",
        severity: lockWaitSeverity(found),
        sizeIndependent: true,
        table: tableOfOp(op),
        message: `takes ${lock} with no lock_timeout: while it waits behind any long transaction on the table, every query on the table queues behind it`,
        safer: "set lock_timeout (and statement_timeout) first, and retry when it times out (the lockTimeouts plugin)",
        lock,
      });
    }
    return found;
  },
  setsLockTimeout: (op) => op instanceof ExecuteSQLOp && /\block_timeout\b/i.test(op.sql),
  limitLockWaits({ lockTimeoutMs, statementTimeoutMs, transactional }) {
    const settings = [["lock_timeout", lockTimeoutMs], ...(statementTimeoutMs === undefined ? [] : [["statement_timeout", statementTimeoutMs]])] as const;
    // In a transaction SET LOCAL ends with it; outside one the session is reset afterwards.
    if (transactional) return { before: settings.map(([name, ms]) => `SET LOCAL ${name} = '${ms}ms'`), after: [] };
    return { before: settings.map(([name, ms]) => `SET ${name} = '${ms}ms'`), after: settings.map(([name]) => `RESET ${name}`) };
  },
  async readFacts(connection) {
    const [server] = await connection.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    // reltuples is -1 until the table is first analysed.
    const rows = await connection.query<{ schema: string; name: string; rows: string | number | null }>(
      `SELECT n.nspname AS schema, c.relname AS name,
              CASE WHEN c.reltuples >= 0 THEN c.reltuples END AS rows
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    const sizes = new Map<string, number>();
    const quoted = new Map<string, string>();
    for (const row of rows) {
      const key = row.schema === "public" ? row.name : `${row.schema}.${row.name}`;
      if (row.rows !== null) sizes.set(key, Number(row.rows));
      // Statistics lag behind inserts: a table they call tiny, or cannot size, is counted (one query, bounded).
      if (row.rows === null || Number(row.rows) <= TINY_TABLE_ROWS) quoted.set(key, `${quotePgIdentifier(row.schema)}.${quotePgIdentifier(row.name)}`);
    }
    for (const [key, count] of await boundedCounts(connection, quoted)) sizes.set(key, count);
    return { version: parseServerVersion("postgresql", server!.version), rows: sizes };
  },
};

/** Modes that conflict with plain writes (and, the last two, with reads). */
const STRONG = new Set<PgLockMode>(["ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"]);

/** The lock an op takes on its table (ALTER TABLE's subcommands take ACCESS EXCLUSIVE unless the manual says less). */
function lockOf(op: MigrateOperation): PgLockMode | undefined {
  if (op instanceof CreateIndexOp) return op.concurrently ? "ShareUpdateExclusiveLock" : "ShareLock";
  if (op instanceof DropIndexOp) return op.concurrently ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
  if (op instanceof CreateForeignKeyOp) return "ShareRowExclusiveLock";
  if (op instanceof AlterColumnOp) {
    const onlyDefaultOrComment = !op.modifyType && op.modifyNullable === undefined && !op.modifyName && !Object.keys(op.kw).length;
    // SET/DROP DEFAULT take ACCESS EXCLUSIVE too; only a comment alone is lighter (SHARE UPDATE EXCLUSIVE).
    return onlyDefaultOrComment && !op.modifyServerDefault ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
  }
  const tableOps = [AddColumnOp, DropColumnOp, CreateCheckConstraintOp, CreatePrimaryKeyOp, CreateUniqueConstraintOp, DropConstraintOp, DropTableOp, RenameTableOp];
  return tableOps.some((cls) => op instanceof cls) ? "AccessExclusiveLock" : undefined;
}

function hazardsOf(op: MigrateOperation, scope: HazardScope): Hazard[] {
  if (op instanceof CreateIndexOp && !op.concurrently) {
    return [
      {
        code: "index-blocks-writes",
        severity: "high",
        table: hazardTable(op),
        message: `CREATE INDEX without CONCURRENTLY holds a SHARE lock on ${hazardTable(op)} for the whole build: inserts, updates and deletes wait until it ends`,
        safer: "build it with `concurrently: true` in a migration of its own marked `transactional = false` (the concurrentIndexes plugin)",
        lock: "ShareLock",
        rewrite: false,
      },
    ];
  }
  if (op instanceof AddColumnOp) return addColumnHazards(op, scope);
  if (op instanceof AlterColumnOp) return alterColumnHazards(op, scope);
  if (op instanceof CreateCheckConstraintOp && !op.constraint.notValid) {
    return [
      {
        code: "check-scans",
        severity: "high",
        table: hazardTable(op),
        message: `adding a CHECK scans every row of ${hazardTable(op)} under an ACCESS EXCLUSIVE lock: reads and writes wait for the scan`,
        safer: "add it NOT VALID, then VALIDATE CONSTRAINT in a later migration, which lets reads and writes go on (the notValidConstraints plugin)",
        lock: "AccessExclusiveLock",
        rewrite: false,
      },
    ];
  }
  if (op instanceof CreateForeignKeyOp && !op.constraint.notValid) {
    const target = op.constraint.target.name;
    return [
      {
        code: "foreign-key-scans",
        severity: "high",
        table: hazardTable(op),
        message: `adding a FOREIGN KEY scans every row of ${hazardTable(op)} under SHARE ROW EXCLUSIVE locks on it and on ${target}: writes to both wait for the scan`,
        safer: "add it NOT VALID, then VALIDATE CONSTRAINT in a later migration (the notValidConstraints plugin)",
        lock: "ShareRowExclusiveLock",
        rewrite: false,
      },
    ];
  }
  if (op instanceof CreateUniqueConstraintOp || op instanceof CreatePrimaryKeyOp) {
    const what = op instanceof CreatePrimaryKeyOp ? "a PRIMARY KEY" : "a UNIQUE constraint";
    return [
      {
        code: "unique-builds-index",
        severity: "high",
        table: hazardTable(op),
        message: `adding ${what} builds its index under an ACCESS EXCLUSIVE lock on ${hazardTable(op)}: reads and writes wait for the whole build`,
        safer: `CREATE UNIQUE INDEX CONCURRENTLY first (its own non-transactional migration), then add ${what} USING INDEX`,
        lock: "AccessExclusiveLock",
        rewrite: false,
      },
    ];
  }
  if (op instanceof DropEnumValueOp) {
    return enumUsers(scope.facts, op.enumName, op.schema).map((table) => ({
      code: "enum-change-rewrites",
      severity: "high",
      table,
      message: `removing an enum value re-creates the type and converts ${table}'s column to it: the table is rewritten under an ACCESS EXCLUSIVE lock`,
      safer: "keep the value (stop using it in the application), or move the column to a new type in steps on a quiet table",
      lock: "AccessExclusiveLock",
      rewrite: true,
    }));
  }
  if (op instanceof AddEnumValueOp && !atLeast(scope.facts.version, 12)) {
    return [
      {
        code: "enum-value-outside-transaction",
        severity: "high",
        sizeIndependent: true,
        message: `PostgreSQL ${scope.facts.version!.major} cannot run ALTER TYPE ... ADD VALUE inside a transaction: the migration fails`,
        safer: "put it in a migration of its own marked `transactional = false`",
      },
    ];
  }
  return [];
}

/** PostgreSQL 11+ stores a constant default in the catalog; a volatile one (and before 11, any) is written into every row. */
function addColumnHazards(op: AddColumnOp, scope: HazardScope): Hazard[] {
  const column = op.column;
  const why = rewritingDefault(column, scope);
  if (!why) return [];
  return [
    {
      code: "volatile-default-rewrites",
      severity: "high",
      table: hazardTable(op),
      message: `adding "${column.name}" with ${why} rewrites every row of ${hazardTable(op)} under an ACCESS EXCLUSIVE lock: reads and writes wait for the rewrite`,
      safer: "add the column without the default (or with a constant one), set the default, then fill existing rows in batches",
      lock: "AccessExclusiveLock",
      rewrite: true,
    },
  ];
}

const VOLATILE = /\b(random|gen_random_uuid|uuid_generate_v[14]|uuid_generate_v1mc|clock_timestamp|timeofday|nextval|random_normal|setseed)\s*\(/i;

function rewritingDefault(column: Column, scope: HazardScope): string | undefined {
  if (column.identity) return "an identity (each row gets its own value)";
  if (column.generated?.stored) return "a stored generated expression";
  const def = column.default;
  if (!def || (def.kind === "literal" && def.value === null)) return undefined;
  if (def.kind === "autoincrement") return "a serial default (each row gets its own value)";
  if (def.kind === "sql" && VOLATILE.test(def.sql)) return `the volatile default ${def.sql}`;
  if (!atLeast(scope.facts.version, 11)) return "a default (PostgreSQL before 11 writes it into every row)";
  return undefined;
}

function alterColumnHazards(op: AlterColumnOp, scope: HazardScope): Hazard[] {
  const out: Hazard[] = [];
  const table = hazardTable(op);
  if (op.modifyType) {
    const from = op.modifyType.from ?? op.existingType ?? liveColumn(scope.facts, op)?.type;
    if (typeChangeRewrites(from, op.modifyType.to)) {
      out.push({
        code: "type-change-rewrites",
        severity: "high",
        table,
        message: `changing the type of "${op.columnName}" rewrites ${table} and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite`,
        safer: "add a new column of the new type, fill it in batches (and keep it in step with a trigger), then switch the application over and drop the old one",
        lock: "AccessExclusiveLock",
        rewrite: true,
      });
    }
  }
  if (op.modifyNullable && !op.modifyNullable.to && !hasValidNotNullCheck(scope, op)) {
    const v18 = atLeast(scope.facts.version, 18);
    out.push({
      code: "set-not-null-scans",
      severity: "high",
      table,
      message: `SET NOT NULL on "${op.columnName}" scans every row of ${table} under an ACCESS EXCLUSIVE lock: reads and writes wait for the scan`,
      safer: v18
        ? "add the NOT NULL constraint NOT VALID, VALIDATE it in a later migration (the notNullViaCheck plugin)"
        : atLeast(scope.facts.version, 12)
          ? `add CHECK ("${op.columnName}" IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL skips the scan (the notNullViaCheck plugin)`
          : "run it when the table can be locked for a scan (PostgreSQL before 12 always scans)",
      lock: "AccessExclusiveLock",
      rewrite: false,
    });
  }
  return out;
}

/**
 * Whether PostgreSQL rewrites the table for this change: not when the new
 * type is binary coercible with the old (varchar widened or to text, numeric
 * with more precision and the same scale, a time type with more precision).
 * An unknown old type is taken as a rewrite.
 */
export function typeChangeRewrites(from: SqlType | undefined, to: SqlType): boolean {
  if (!from || from.kind !== "scalar" || to.kind !== "scalar" || from.arrayDims !== to.arrayDims) return true;
  const [fromLength] = from.args;
  const [toLength] = to.args;
  const texts = new Set(["varchar", "text"]);
  if (texts.has(from.name) && texts.has(to.name)) {
    if (to.name === "text" || toLength === undefined) return false;
    return from.name === "text" || fromLength === undefined || Number(toLength) < Number(fromLength);
  }
  if (from.name !== to.name) return true;
  if (from.name === "decimal") {
    if (to.args.length === 0) return false;
    return (from.args[1] ?? 0) !== (to.args[1] ?? 0) || from.args.length === 0 || Number(to.args[0]) < Number(from.args[0]);
  }
  if (["timestamp", "timestamptz", "time", "interval"].includes(from.name)) {
    return Number(to.args[0] ?? 6) < Number(from.args[0] ?? 6);
  }
  return JSON.stringify(from.args) !== JSON.stringify(to.args);
}

/** PostgreSQL 12+: a valid CHECK (col IS NOT NULL) lets SET NOT NULL skip its scan. */
function hasValidNotNullCheck(scope: HazardScope, op: TableOp & { columnName: string }): boolean {
  if (!atLeast(scope.facts.version, 12)) return false;
  const column = op.columnName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^\\(*\\s*"?${column}"?\\s+IS\\s+NOT\\s+NULL\\s*\\)*$`, "i");
  return scope.validChecks(hazardTable(op)).some((expression) => pattern.test(expression.trim()));
}
