import { readFileSync } from "node:fs";
import type { DatabaseConnection, Dialect } from "../dialects/dialect.js";
import { tableKeyOf } from "../dialects/hazard-helpers.js";
import type { LiveFacts } from "../dialects/hazards.js";
import { analyseMigrations } from "./analyse-migration.js";
import { placeFindings, type LintedMigration } from "./lint-report.js";
import { collectLocatedOps, type LocatedOp } from "./located-ops.js";

/** A migration to lint: its identity, its file, and the function whose ops are analysed. */
export interface MigrationToLint {
  readonly revision: string;
  /** The file on disk (its lines place the findings and hold the acknowledgements). */
  readonly path: string;
  /** The path to show. */
  readonly file: string;
  readonly run: (op: never) => Promise<void>;
}

/** What the analysis knows of the database the migrations will run on; `{}` offline. */
export interface LintTarget {
  readonly dialect: Dialect;
  readonly facts: LiveFacts;
}

/** Reads a live database's version, table sizes and catalog, for the analysis (a constant number of queries). */
export async function liveTarget(connection: DatabaseConnection): Promise<LintTarget> {
  const dialect = connection.dialect;
  // Every schema: a table outside the default one is not new because it was not looked at.
  const metadata = await dialect.reflect(connection, { includeSchemas: dialect.capabilities.schemas });
  return { dialect, facts: { ...(await dialect.hazards.readFacts(connection)), metadata } };
}

/** The tables the live database holds, when the target was read from one. */
export function existingTablesOf(target: LintTarget): Set<string> | undefined {
  const tables = target.facts.metadata?.tables;
  return tables ? new Set([...tables.values()].map((t) => tableKeyOf(t.schema, t.name, target.dialect.defaultSchema))) : undefined;
}

/**
 * The findings of each migration, in the order given (the order they run).
 * Against a live database, a table it does not hold yet is new: an earlier
 * migration of the same upgrade creates it, empty.
 */
export async function lintMigrations(migrations: readonly MigrationToLint[], target: LintTarget): Promise<LintedMigration[]> {
  const { dialect, facts } = target;
  const existingTables = existingTablesOf(target);
  const located: LocatedOp[][] = [];
  for (const migration of migrations) located.push(await collectLocatedOps(migration.run, dialect.name, migration.path));
  const findings = analyseMigrations(located.map((ops) => ops.map((l) => l.op)), dialect, facts, { existingTables });
  return migrations.map((migration, i) => ({
    revision: migration.revision,
    file: migration.file,
    findings: placeFindings(findings[i]!, located[i]!, readFileSync(migration.path, "utf8")),
  }));
}
