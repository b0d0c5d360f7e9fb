/**
 * What the hazard tables of every dialect share: a case is a setup script, a
 * migration written as a user writes one, and the hazard codes expected of
 * it; `findingsOf` runs the analysis against the live database the way
 * `strata lint` does (facts read from the catalog, the model reflected).
 */
import type { DatabaseConnection, Dialect } from "../../src/dialects/dialect.js";
import { analyseMigration, type OpFinding } from "../../src/lint/analyse-migration.js";
import { Operations, type MigrateOperation } from "../../src/ops/index.js";

export interface HazardCase {
  readonly name: string;
  /** SQL run before the migration, on top of the suite's common setup. */
  readonly setup?: string;
  readonly migration: (op: Operations) => Promise<void>;
  /** Expected hazard codes, in order, with their severity: `["index-blocks-writes:high"]`. */
  readonly hazards: readonly string[];
  /** Whether the migration also loses data. */
  readonly losesData?: boolean;
}

export async function opsOf(migration: (op: Operations) => Promise<void>, dialect: Dialect): Promise<MigrateOperation[]> {
  const ops: MigrateOperation[] = [];
  await migration(new Operations(async (op) => void ops.push(op), { dialect: dialect.name }));
  return ops;
}

export async function findingsOf(connection: DatabaseConnection, ops: readonly MigrateOperation[]): Promise<OpFinding[]> {
  const dialect = connection.dialect;
  const facts = { ...(await dialect.hazards.readFacts(connection)), metadata: await dialect.reflect(connection) };
  return analyseMigration(ops, dialect, facts);
}

/** `code:severity` of every hazard, in order. */
export function codesOf(findings: readonly OpFinding[]): string[] {
  return findings.flatMap((f) => f.hazards.map((h) => `${h.code}:${h.severity}`));
}
