import type { MetaData } from "../model/index.js";
import type { MigrateOperation } from "../ops/migrate-operation.js";
import type { DatabaseConnection } from "./dialect.js";

/**
 * high: reads or writes of the table stop for a time that grows with its
 * size (a rewrite or a scan under a lock), or the running application breaks.
 * medium: writes stop for a time that grows with the size, or a long copy
 * that does not block. low: brief, or the table is empty or tiny.
 */
export type HazardSeverity = "high" | "medium" | "low";

/**
 * What one operation does to a live database that the data-loss warnings do
 * not say: which lock, for how long, whether it rewrites or scans, and the
 * safer way. `code` is stable (lint output, acknowledgements and docs use it).
 */
export interface Hazard {
  readonly code: string;
  readonly severity: HazardSeverity;
  /** The table it concerns, as the migration names it (`audit.event`). */
  readonly table?: string;
  /** One sentence: what happens on a live database. */
  readonly message: string;
  /** The safe alternative. */
  readonly safer: string;
  /** PostgreSQL: the strongest lock mode the op's statements take on `table` (as pg_locks names it). */
  readonly lock?: PgLockMode;
  /** Whether the table's storage is rewritten (PostgreSQL: a new relfilenode). */
  readonly rewrite?: boolean;
  /** Set when the row count does not change the answer (a lock queue, a broken application): an empty table does not make it brief. */
  readonly sizeIndependent?: true;
}

export type PgLockMode =
  | "AccessShareLock"
  | "RowShareLock"
  | "RowExclusiveLock"
  | "ShareUpdateExclusiveLock"
  | "ShareLock"
  | "ShareRowExclusiveLock"
  | "ExclusiveLock"
  | "AccessExclusiveLock";

/** Up to this many rows a table is tiny: a rewrite, scan or build of it takes milliseconds. */
export const TINY_TABLE_ROWS = 10_000;

/**
 * How much a missing lock timeout matters for an op, given its other
 * hazards. Behind a long transaction any strong lock makes every query on
 * the table queue, so it is always said; but for an op that holds its lock
 * only for a catalog update (a nullable column, a brief change) it is advice,
 * low, and does not fail `strata lint`: the safe migrations (new
 * nullable columns, CONCURRENTLY indexes) must pass, as they do with
 * strong_migrations and Atlas. An op that also scans, rewrites or copies holds
 * the lock long enough for the queue to be an outage: medium.
 */
export function lockWaitSeverity(otherHazards: readonly Hazard[]): HazardSeverity {
  return otherHazards.some((h) => h.severity !== "low") ? "medium" : "low";
}

/** The server a migration will run on: `flavor` tells MariaDB from MySQL. */
export interface ServerVersion {
  readonly flavor: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** What the analysis knows of the live database; everything is optional (offline lint knows nothing). */
export interface LiveFacts {
  readonly version?: ServerVersion;
  /** Estimated rows per table key (`name` in the default schema, else `schema.name`), from the catalog's statistics. */
  readonly rows?: ReadonlyMap<string, number>;
  /** The database as it is (checks that let SET NOT NULL skip its scan, who references whom, who uses an enum). */
  readonly metadata?: MetaData;
}

/** What a dialect's rules are told about the op at hand. */
export interface HazardScope {
  readonly facts: LiveFacts;
  /** A statement before this op, in the same migration, limited how long a lock is waited for. */
  readonly lockTimeoutSet: boolean;
  /** The expressions of a table's valid CHECK constraints (by table key) as the ops before this one leave them. */
  readonly validChecks: (table: string) => readonly string[];
}

/**
 * A dialect's knowledge of what its DDL does to a live database. The lint
 * engine walks a migration's ops, leaves out the tables the migration
 * creates itself, and asks `hazardsOf` about the rest.
 */
export interface HazardRules {
  /** The hazards of one leaf op on tables that exist before the migration. */
  hazardsOf(op: MigrateOperation, scope: HazardScope): Hazard[];
  /** Whether this op limits lock waits for the rest of the migration (`SET lock_timeout`). */
  setsLockTimeout(op: MigrateOperation): boolean;
  /**
   * The statements that limit how long the migration's statements wait for a
   * lock (and run), to put before them, and those that restore the session
   * after them; empty where there is no lock queue to wait in.
   */
  limitLockWaits(limits: LockLimits): { readonly before: readonly string[]; readonly after: readonly string[] };
  /** Version and table sizes, in a constant number of catalog queries. */
  readFacts(connection: DatabaseConnection): Promise<Omit<LiveFacts, "metadata">>;
}

export interface LockLimits {
  readonly lockTimeoutMs: number;
  readonly statementTimeoutMs?: number;
  /** Whether the statements run in a transaction (PostgreSQL's SET LOCAL then ends with it). */
  readonly transactional: boolean;
}

/** `12.4` → { major: 12, minor: 4 }: the leading numbers of a server's version string. */
export function parseServerVersion(flavor: string, text: string): ServerVersion {
  const [major = 0, minor = 0, patch = 0] = (/(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text) ?? []).slice(1).map((n) => Number(n ?? 0));
  return { flavor, major, minor, patch };
}

/** Whether `version` is at least major.minor.patch (an unknown version is taken as new enough: no false alarms). */
export function atLeast(version: ServerVersion | undefined, major: number, minor = 0, patch = 0): boolean {
  if (!version) return true;
  if (version.major !== major) return version.major > major;
  if (version.minor !== minor) return version.minor > minor;
  return version.patch >= patch;
}
