import type { DatabaseConnection, Dialect } from "../dialects/dialect.js";
import { DEFAULT_VERSION_TABLE } from "../dialects/reflect-options.js";
import { runtimeSupportFor } from "./runtime-support.js";
import type { Statement } from "../dialects/ddl-compiler.js";
import type { AppliedRevision, VersionState } from "./version-state.js";

/** Revision ids, checksums and timestamps: the only values this table holds, safe to inline as literals. */
const PLAIN_VALUE = /^[0-9A-Za-z_:.+-]*$/;

/**
 * The version table: one row per applied revision, with the checksum of the
 * file that was applied and a flag on the heads. One table (not a table of
 * heads plus a log) so that the reflectors need to skip one name only, and
 * `SELECT version_num FROM strata_version WHERE is_head = 1` gives what the
 * reference's version table holds.
 *
 * Every write is a literal statement (no parameters), so the `--sql` script
 * and a live run send exactly the same text.
 */
export class VersionTable {
  readonly #quoted: string;

  constructor(
    readonly dialect: Dialect,
    readonly name: string = DEFAULT_VERSION_TABLE,
  ) {
    this.#quoted = dialect.quoteIdentifier(name);
  }

  createStatement(): Statement {
    const q = (column: string) => this.dialect.quoteIdentifier(column);
    return {
      sql:
        `CREATE TABLE IF NOT EXISTS ${this.#quoted} (` +
        `${q("version_num")} VARCHAR(64) NOT NULL PRIMARY KEY, ` +
        `${q("is_head")} INTEGER NOT NULL, ` +
        `${q("checksum")} VARCHAR(64) NOT NULL, ` +
        `${q("applied_at")} VARCHAR(32) NOT NULL)`,
    };
  }

  async exists(connection: DatabaseConnection): Promise<boolean> {
    return runtimeSupportFor(this.dialect).tableExists(connection, this.name);
  }

  /** The state recorded in the table; an absent table is the empty state. */
  async read(connection: DatabaseConnection): Promise<VersionState> {
    if (!(await this.exists(connection))) return new Map();
    const q = (column: string) => this.dialect.quoteIdentifier(column);
    const rows = await connection.query<{
      version_num: string;
      is_head: unknown;
      checksum: string;
    }>(`SELECT ${q("version_num")}, ${q("is_head")}, ${q("checksum")} FROM ${this.#quoted}`);
    return new Map(
      rows.map((row): [string, AppliedRevision] => [
        String(row.version_num),
        {
          revision: String(row.version_num),
          checksum: String(row.checksum),
          isHead: Number(row.is_head) === 1,
        },
      ]),
    );
  }

  /** The writes that turn the recorded state `before` into `after`. */
  changeStatements(before: VersionState, after: VersionState, appliedAt: string): Statement[] {
    const q = (column: string) => this.dialect.quoteIdentifier(column);
    const removed = [...before.keys()].filter((r) => !after.has(r));
    const added = [...after.values()].filter((r) => !before.has(r.revision));
    const flipped = [...after.values()].filter(
      (r) => before.has(r.revision) && before.get(r.revision)!.isHead !== r.isHead,
    );
    const rechecked = [...after.values()].filter(
      (r) => before.has(r.revision) && before.get(r.revision)!.checksum !== r.checksum,
    );
    const statements: Statement[] = [];
    if (removed.length) {
      statements.push({
        sql: `DELETE FROM ${this.#quoted} WHERE ${q("version_num")} IN (${removed.map(literal).join(", ")})`,
      });
    }
    for (const isHead of [false, true]) {
      const names = flipped.filter((r) => r.isHead === isHead).map((r) => literal(r.revision));
      if (names.length) {
        statements.push({
          sql: `UPDATE ${this.#quoted} SET ${q("is_head")} = ${isHead ? 1 : 0} WHERE ${q("version_num")} IN (${names.join(", ")})`,
        });
      }
    }
    for (const r of rechecked) {
      statements.push({
        sql: `UPDATE ${this.#quoted} SET ${q("checksum")} = ${literal(r.checksum)} WHERE ${q("version_num")} = ${literal(r.revision)}`,
      });
    }
    for (const r of added) {
      statements.push({
        sql:
          `INSERT INTO ${this.#quoted} (${q("version_num")}, ${q("is_head")}, ${q("checksum")}, ${q("applied_at")}) ` +
          `VALUES (${literal(r.revision)}, ${r.isHead ? 1 : 0}, ${literal(r.checksum)}, ${literal(appliedAt)})`,
      });
    }
    return statements;
  }
}

function literal(value: string): string {
  if (!PLAIN_VALUE.test(value))
    throw new Error(`version table value ${JSON.stringify(value)} is not a plain revision id`);
  return `'${value}'`;
}
