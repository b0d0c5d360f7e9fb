import type { MetaData, Table } from "../model/index.js";
import type { MigrateOperation } from "../ops/migrate-operation.js";
import type { Dialect } from "./dialect.js";

/** One SQL statement a DDL compiler produces; the runtime runs it as it is. */
export interface Statement {
  readonly sql: string;
  /** Positional parameters (`$1` on PostgreSQL, `?` elsewhere); values are never spliced into `sql`. */
  readonly params?: readonly unknown[];
  /** False for statements that cannot run inside a transaction (`CREATE INDEX CONCURRENTLY`). */
  readonly transactional?: boolean;
  /**
   * True for a statement whose effect the rest of the migration can use only
   * once it is committed (PostgreSQL's `ALTER TYPE ... ADD VALUE`: a new
   * enum value cannot be used in the transaction that adds it). A migration
   * running in a transaction commits what ran before it, runs it on its own
   * and opens a new transaction for the rest. It must be idempotent (`IF NOT
   * EXISTS`), since it stays when the rest fails and the migration runs again.
   */
  readonly commitsFirst?: boolean;
  /**
   * Set on a check query whose rows are violations (`PRAGMA foreign_key_check`):
   * the runner fails with this message when the query returns any row.
   */
  readonly expectNoRows?: string;
  /**
   * The statement works on a temporary stand-in for a user's table (SQLite's
   * rebuild copies the rows into `user__strata_rebuild`): an error the
   * database raises names the user's table instead of the stand-in.
   */
  readonly standIn?: { readonly temporary: string; readonly table: string };
}

/**
 * What a compiler may ask about the database the statements will run on.
 * Ops carry the "before" state of what they change (`existing*` on
 * AlterColumnOp, the dropped object on drops); the live lookups below are
 * only for what no op carries:
 *
 * - `currentTable`: SQLite table rebuilds (the whole table is re-created),
 *   and MySQL `MODIFY COLUMN`, which restates the full column (keeping
 *   AUTO_INCREMENT, collation and comment that `existing*` do not carry;
 *   without it the `existing*` values are used).
 * - `query`: raw catalog reads for what the model does not hold (SQLite
 *   triggers and views around a rebuild; the columns using a PostgreSQL or
 *   MySQL enum whose value list changes).
 *
 * Offline (`--sql`) there is no database: leave both out, and the ops that
 * need them throw `DdlStateError` instead of guessing.
 */
export interface DdlContext {
  readonly dialect: Dialect;
  currentTable?(schema: string | undefined, name: string): Promise<Table | undefined>;
  query?<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** The model enum references are resolved in (MySQL writes `ENUM('a','b')` on each column). */
  readonly metadata?: MetaData;
  /** Write bulk-insert values as escaped literals instead of parameters (for `--sql` output). */
  readonly inlineValues?: boolean;
}

/**
 * Statements the runner sends around each migration's transaction. SQLite
 * turns foreign keys off before BEGIN (a table rebuild must not run ON DELETE
 * actions, and the pragma cannot change inside a transaction), checks every
 * foreign key before COMMIT, and turns them back on after COMMIT or ROLLBACK.
 */
export interface MigrationBoundary {
  readonly beforeBegin: readonly Statement[];
  /** Run last inside the transaction; `expectNoRows` statements fail the migration. */
  readonly beforeCommit: readonly Statement[];
  /** Run after COMMIT and after ROLLBACK. */
  readonly afterEnd: readonly Statement[];
}

/** Turns one built-in op into the statements that perform it on one dialect. */
export interface DdlCompiler {
  readonly boundary: MigrationBoundary;
  /**
   * Throws `MissingDdlHandlerError` for an op class it has no handler for,
   * `UnsupportedDdlError` for what the dialect cannot do, and `DdlStateError`
   * when the op and the context lack the state the statements need.
   */
  compile(op: MigrateOperation, context: DdlContext): Promise<Statement[]>;
}
