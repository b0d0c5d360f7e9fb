import type { Dialect } from "../dialects/dialect.js";
import { tableKeyOf } from "../dialects/hazard-helpers.js";
import type { LiveFacts } from "../dialects/hazards.js";
import { CreateCheckConstraintOp, DropConstraintOp, ValidateConstraintOp } from "../ops/constraint-ops.js";
import type { MigrateOperation } from "../ops/migrate-operation.js";

/**
 * The CHECK constraints each table has, and which of them are valid, as
 * the ops of the migrations being analysed leave them: the live catalog's
 * to start with, then what each op adds (NOT VALID or not), validates or
 * drops. PostgreSQL 12+ lets SET NOT NULL skip its scan when a valid
 * CHECK (col IS NOT NULL) is there, even one validated a migration earlier.
 */
export class ValidChecks {
  readonly #checks = new Map<string, Map<string, { expression: string; valid: boolean }>>();
  readonly #dialect: Dialect;

  constructor(dialect: Dialect, facts: LiveFacts) {
    this.#dialect = dialect;
    for (const table of facts.metadata?.tables.values() ?? []) {
      for (const check of table.checkConstraints) {
        if (check.name !== undefined) this.#table(tableKeyOf(table.schema, table.name, dialect.defaultSchema)).set(check.name, { expression: check.expression, valid: !check.notValid });
      }
    }
  }

  /** Follows one op. */
  apply(op: MigrateOperation): void {
    if (op instanceof CreateCheckConstraintOp && op.constraint.name !== undefined) {
      this.#table(this.#key(op)).set(op.constraint.name, { expression: op.constraint.expression, valid: op.constraint.notValid !== true });
    } else if (op instanceof ValidateConstraintOp) {
      const check = this.#table(this.#key(op)).get(op.constraintName);
      if (check) check.valid = true;
    } else if (op instanceof DropConstraintOp && op.constraintName !== undefined) {
      this.#table(this.#key(op)).delete(op.constraintName);
    }
  }

  /** The expressions of the table's valid checks. */
  of(table: string): string[] {
    return [...(this.#checks.get(table)?.values() ?? [])].filter((c) => c.valid).map((c) => c.expression);
  }

  #key(op: { tableName: string; schema?: string }): string {
    return tableKeyOf(op.schema, op.tableName, this.#dialect.defaultSchema);
  }

  #table(key: string): Map<string, { expression: string; valid: boolean }> {
    let checks = this.#checks.get(key);
    if (!checks) this.#checks.set(key, (checks = new Map()));
    return checks;
  }
}
