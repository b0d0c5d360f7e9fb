import type { SqlType } from "../../model/index.js";
import { AlterColumnOp } from "../../ops/alter-column-op.js";
import { AddColumnOp, DropColumnOp } from "../../ops/column-ops.js";
import {
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropConstraintOp,
} from "../../ops/constraint-ops.js";
import { AddEnumValueOp, DropEnumValueOp } from "../../ops/enum-ops.js";
import { AlgorithmOp } from "../../ops/algorithm-op.js";
import { ExecuteSQLOp } from "../../ops/execute-sql-op.js";
import { CreateIndexOp, DropIndexOp } from "../../ops/index-ops.js";
import type { MigrateOperation } from "../../ops/migrate-operation.js";
import { RenameTableOp } from "../../ops/table-ops.js";
import { atLeast, lockWaitSeverity, parseServerVersion, TINY_TABLE_ROWS, type Hazard, type HazardRules, type LiveFacts, type ServerVersion } from "../hazards.js";
import { boundedCounts, enumUsers, hazardTable, tableOfOp, liveColumn, type TableOp } from "../hazard-helpers.js";

/** How InnoDB runs an ALTER: INSTANT (metadata only), INPLACE (with or without a rebuild) or COPY. */
export interface MysqlAlgorithm {
  readonly algorithm: "INSTANT" | "INPLACE" | "COPY";
  /** INPLACE that rebuilds the table (copies every row, online). */
  readonly rebuild: boolean;
  /** Whether writes go on meanwhile (LOCK=NONE is allowed). */
  readonly concurrentWrites: boolean;
  /** Why, for the hazard's sentence. */
  readonly why: string;
}

const INSTANT: MysqlAlgorithm = { algorithm: "INSTANT", rebuild: false, concurrentWrites: true, why: "a change of metadata only" };
const INPLACE: MysqlAlgorithm = { algorithm: "INPLACE", rebuild: false, concurrentWrites: true, why: "built in place" };

/**
 * The best algorithm the server can use for one op (InnoDB online DDL
 * tables of MySQL 8.0 and MariaDB 10.3+), or undefined for ops that do not
 * alter a table. MariaDB 10.11 answers the tests with ALGORITHM=... clauses.
 */
export function mysqlAlgorithm(op: MigrateOperation, facts: LiveFacts): MysqlAlgorithm | undefined {
  const version = facts.version;
  const mariadb = version?.flavor === "mariadb";
  const rebuild = (why: string): MysqlAlgorithm => ({ algorithm: "INPLACE", rebuild: true, concurrentWrites: true, why });
  const copy = (why: string): MysqlAlgorithm => ({ algorithm: "COPY", rebuild: true, concurrentWrites: false, why });
  if (op instanceof CreateIndexOp) {
    const using = op.index.using?.toLowerCase();
    if (using === "fulltext" || using === "spatial") return { algorithm: "INPLACE", rebuild: false, concurrentWrites: false, why: `a ${using} index is built under a shared lock` };
    return INPLACE;
  }
  // Dropping an index is in place (MariaDB refuses INSTANT for it), renaming a table instant.
  if (op instanceof DropIndexOp) return INPLACE;
  if (op instanceof RenameTableOp) return INSTANT;
  if (op instanceof AddColumnOp) {
    const column = op.column;
    if (column.default?.kind === "autoincrement") return copy("an AUTO_INCREMENT column fills every row");
    if (column.generated?.stored) return copy("a stored generated column computes every row");
    return instantColumns(version) ? INSTANT : rebuild("adding a column rebuilds the table on this server version");
  }
  if (op instanceof DropColumnOp) return instantDrop(version) ? INSTANT : rebuild("dropping a column rebuilds the table on this server version");
  if (op instanceof AlterColumnOp) return alterColumnAlgorithm(op, facts, mariadb);
  if (op instanceof CreateForeignKeyOp) return copy("a foreign key is added by copying the table while foreign_key_checks is on");
  if (op instanceof CreateCheckConstraintOp) return copy("a CHECK is verified by copying the table");
  if (op instanceof CreateUniqueConstraintOp) return INPLACE;
  if (op instanceof CreatePrimaryKeyOp) return rebuild("a new primary key rebuilds the clustered index");
  if (op instanceof DropConstraintOp) {
    if (op.type === "primarykey") return copy("dropping the primary key without adding one copies the table");
    // A unique key is an index, and a foreign key's drop may take its implicit index along: in place; a check is metadata.
    return op.type === "check" ? INSTANT : INPLACE;
  }
  if (op instanceof AddEnumValueOp) return op.before === undefined && op.after === undefined ? INSTANT : copy("a value inserted before the end renumbers the stored values");
  if (op instanceof DropEnumValueOp) return copy("removing an enum value renumbers the stored values");
  return undefined;
}

/** MySQL 8.0.12+ and MariaDB 10.3.2+ add columns instantly. */
function instantColumns(version: ServerVersion | undefined): boolean {
  return version?.flavor === "mariadb" ? atLeast(version, 10, 3, 2) : atLeast(version, 8, 0, 12);
}

/** MySQL 8.0.29+ and MariaDB 10.4+ drop columns instantly. */
function instantDrop(version: ServerVersion | undefined): boolean {
  return version?.flavor === "mariadb" ? atLeast(version, 10, 4) : atLeast(version, 8, 0, 29);
}

function alterColumnAlgorithm(op: AlterColumnOp, facts: LiveFacts, mariadb: boolean): MysqlAlgorithm {
  if (op.modifyType) {
    const from = op.modifyType.from ?? op.existingType ?? liveColumn(facts, op)?.type;
    if (!widensInPlace(from, op.modifyType.to, mariadb)) return { algorithm: "COPY", rebuild: true, concurrentWrites: false, why: "a change of data type copies the table" };
  }
  if (op.modifyNullable) return { algorithm: "INPLACE", rebuild: true, concurrentWrites: true, why: `making the column ${op.modifyNullable.to ? "nullable" : "NOT NULL"} rebuilds the table` };
  // Renames, defaults and comments, and a VARCHAR widened within its length byte, touch metadata only.
  return mariadb || !op.modifyType ? INSTANT : INPLACE;
}

/**
 * VARCHAR(n) → VARCHAR(m ≥ n) without touching rows, counting utf8mb4's 4
 * bytes a character: MySQL needs the length prefix to stay one byte
 * (≤ 255 bytes) or stay two; MariaDB's COMPACT/DYNAMIC rows store a value of
 * up to 127 bytes with a one-byte prefix either way, so it also widens a
 * column of up to 127 bytes to any length (the MariaDB tests probe both).
 */
function widensInPlace(from: SqlType | undefined, to: SqlType, mariadb: boolean): boolean {
  if (from?.kind !== "scalar" || to.kind !== "scalar" || from.name !== "varchar" || to.name !== "varchar") return false;
  const [before, after] = [Number(from.args[0]) * 4, Number(to.args[0]) * 4];
  if (after < before) return false;
  return (before <= 255) === (after <= 255) || (mariadb && before <= 127);
}

export const mysqlHazards: HazardRules = {
  hazardsOf(op, scope) {
    // Ops under an ALGORITHM= clause run that way or fail at once: only the lock wait is left.
    const inner = op instanceof AlgorithmOp ? op.ops : [op];
    const found = op instanceof AlgorithmOp ? [] : algorithmHazards(op, scope.facts);
    const table = inner.map(tableOfOp).find((t) => t !== undefined);
    if (inner.some((o) => mysqlAlgorithm(o, scope.facts)) && !scope.lockTimeoutSet && table !== undefined) {
      found.push({
        code: "missing-lock-timeout",
        severity: lockWaitSeverity(found),
        sizeIndependent: true,
        table,
        message: "ALTER TABLE waits for an exclusive metadata lock with lock_wait_timeout (a year by default): behind any open transaction on the table, every query on it queues",
        safer: "SET SESSION lock_wait_timeout to a few seconds first and retry when it times out (the lockTimeouts plugin)",
      });
    }
    return found;
  },
  setsLockTimeout: (op) => op instanceof ExecuteSQLOp && /\block_wait_timeout\b/i.test(op.sql),
  // lock_wait_timeout counts whole seconds; a statement limit has no DDL form common to MySQL and MariaDB.
  limitLockWaits: ({ lockTimeoutMs }) => ({
    before: [`SET SESSION lock_wait_timeout = ${Math.max(1, Math.ceil(lockTimeoutMs / 1000))}`],
    after: ["SET SESSION lock_wait_timeout = DEFAULT"],
  }),
  async readFacts(connection) {
    const [server] = await connection.query<{ version: string }>("SELECT VERSION() AS version");
    const rows = await connection.query<{ name: string; rows: number | string | null }>(
      "SELECT TABLE_NAME AS name, TABLE_ROWS AS `rows` FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
    );
    const flavor = /mariadb/i.test(server!.version) ? "mariadb" : "mysql";
    const sizes = new Map(rows.filter((r) => r.rows !== null).map((r) => [r.name, Number(r.rows)] as const));
    // InnoDB's TABLE_ROWS lags behind inserts: a table it calls tiny is counted (one query, bounded).
    const small = rows.filter((r) => r.rows === null || Number(r.rows) <= TINY_TABLE_ROWS);
    for (const [name, count] of await boundedCounts(connection, new Map(small.map((r) => [r.name, `\`${r.name.replaceAll("`", "``")}\``])))) sizes.set(name, count);
    return { version: parseServerVersion(flavor, server!.version), rows: sizes };
  },
};

function algorithmHazards(op: MigrateOperation, facts: LiveFacts): Hazard[] {
  const algorithm = mysqlAlgorithm(op, facts);
  if (!algorithm || !("tableName" in op) && !(op instanceof AddEnumValueOp || op instanceof DropEnumValueOp)) return [];
  const tables = op instanceof AddEnumValueOp || op instanceof DropEnumValueOp ? enumTables(facts, op) : [hazardTable(op as TableOp)];
  if (algorithm.algorithm === "COPY") {
    return tables.map((table) => ({
      code: "copy-algorithm",
      severity: "high",
      table,
      message: `${algorithm.why}: ALGORITHM=COPY writes every row of ${table} into a new table, and writes to it wait until the copy ends`,
      safer: "split the change into steps the server can do INPLACE or INSTANT (a new column filled in batches), or use an online schema change tool (gh-ost, pt-online-schema-change)",
    }));
  }
  if (!algorithm.concurrentWrites) {
    return tables.map((table) => ({
      code: "index-blocks-writes",
      severity: "high",
      table,
      message: `${algorithm.why}: writes to ${table} wait for the whole build`,
      safer: "build it when writes can wait, or on a replica that is then promoted",
    }));
  }
  if (algorithm.rebuild) {
    return tables.map((table) => ({
      code: "table-rebuild",
      severity: "medium",
      table,
      message: `${algorithm.why}: InnoDB rebuilds ${table} in place, reading and writing every row; writes go on but are logged and replayed at the end, under a brief exclusive lock`,
      safer: "run it when the table is quiet; on a replica set, expect replication lag for the length of the rebuild",
    }));
  }
  return [];
}

/** MySQL enums live on columns: the tables whose columns hold this enum (reflection names it `<table>_<column>`). */
function enumTables(facts: LiveFacts, op: AddEnumValueOp | DropEnumValueOp): string[] {
  const byName = enumUsers(facts, op.enumName, op.schema);
  if (byName.length) return byName;
  return [...(facts.metadata?.tables.values() ?? [])]
    .filter((t) => t.columns.some((c) => c.type.kind === "enum" && `${t.name}_${c.name}` === op.enumName))
    .map((t) => t.name);
}
