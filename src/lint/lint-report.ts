import type { Hazard } from "../dialects/hazards.js";
import type { MigrateOperation } from "../ops/migrate-operation.js";
import { tableOfOp } from "../dialects/hazard-helpers.js";
import { acknowledgedAt, DATA_LOSS_CODE } from "./acknowledgements.js";
import type { OpFinding } from "./analyse-migration.js";
import type { LocatedOp } from "./located-ops.js";

export interface LintHazard extends Hazard {
  readonly acknowledged: boolean;
}

/** One op's findings, where the file says it. */
export interface LintFinding {
  readonly line?: number;
  /** `createIndex on orders` */
  readonly operation: string;
  readonly hazards: readonly LintHazard[];
  readonly dataLoss?: { readonly message: string; readonly acknowledged: boolean };
}

export interface LintedMigration {
  readonly revision: string;
  readonly file: string;
  readonly findings: readonly LintFinding[];
}

/** The analysis of a migration's ops, placed on their lines and matched with the file's acknowledgements. */
export function placeFindings(findings: readonly OpFinding[], located: readonly LocatedOp[], source: string): LintFinding[] {
  const lines = source.split("\n");
  const lineOf = new Map(located.map((l) => [l.op, l.line]));
  return findings.map((finding) => {
    const line = lineOf.get(finding.op);
    const allowed = line === undefined ? new Set<string>() : acknowledgedAt(lines, line);
    return {
      ...(line !== undefined ? { line } : {}),
      operation: describeOp(finding.op),
      hazards: finding.hazards.map((h) => ({ ...h, acknowledged: allowed.has(h.code) })),
      ...(finding.dataLoss !== undefined ? { dataLoss: { message: finding.dataLoss, acknowledged: allowed.has(DATA_LOSS_CODE) } } : {}),
    };
  });
}

/** `createIndex on orders`: the Operations method that makes the op, and its table. */
export function describeOp(op: MigrateOperation): string {
  const name = op.constructor.name.replace(/Op$/, "");
  const method = name.charAt(0).toLowerCase() + name.slice(1);
  const table = tableOfOp(op);
  return table === undefined ? method : `${method} on ${table}`;
}

/** Whether lint fails: a data loss or a hazard above low that no marker acknowledges. */
export function lintFails(migrations: readonly LintedMigration[]): boolean {
  return migrations.some((m) =>
    m.findings.some((f) => (f.dataLoss !== undefined && !f.dataLoss.acknowledged) || f.hazards.some((h) => !h.acknowledged && h.severity !== "low")),
  );
}

/** What `strata lint` prints: each finding under its file:line, then a count. */
export function formatLint(migrations: readonly LintedMigration[]): string[] {
  const out: string[] = [];
  const counts = { high: 0, medium: 0, low: 0, dataLoss: 0, acknowledged: 0 };
  for (const migration of migrations) {
    for (const finding of migration.findings) {
      out.push(`${migration.file}${finding.line !== undefined ? `:${finding.line}` : ""}: ${finding.operation} (revision ${migration.revision})`);
      for (const hazard of finding.hazards) {
        if (hazard.acknowledged) counts.acknowledged++;
        else counts[hazard.severity]++;
        out.push(`  ${hazard.severity} ${hazard.code}${hazard.acknowledged ? " (acknowledged)" : ""}: ${hazard.message}`);
        out.push(`    safer: ${hazard.safer}`);
      }
      if (finding.dataLoss) {
        if (finding.dataLoss.acknowledged) counts.acknowledged++;
        else counts.dataLoss++;
        out.push(`  ${DATA_LOSS_CODE}${finding.dataLoss.acknowledged ? " (acknowledged)" : ""}: ${finding.dataLoss.message}`);
      }
    }
  }
  const total = counts.high + counts.medium + counts.low;
  out.push(
    `${migrations.length} migration${migrations.length === 1 ? "" : "s"} checked: ${total} hazard${total === 1 ? "" : "s"} ` +
      `(${counts.high} high, ${counts.medium} medium, ${counts.low} low), ${counts.dataLoss} data loss${counts.dataLoss === 1 ? "" : "es"}` +
      (counts.acknowledged ? `, ${counts.acknowledged} acknowledged` : ""),
  );
  return out;
}
