import type { Statement } from "../ddl-compiler.js";
import type { Dialect } from "../dialect.js";
import type {
  CheckConstraint,
  Deferral,
  ForeignKeyConstraint,
  PrimaryKeyConstraint,
  ReferentialAction,
  UniqueConstraint,
} from "../../model/index.js";
import { UnsupportedDdlError } from "./ddl-errors.js";
import { sqlLiteral, type LiteralStyle } from "./sql-literal.js";

/**
 * The SQL pieces every dialect writes the same way, always quoting names
 * through the dialect. Dialect compilers add what differs (column
 * definitions, ALTER forms).
 */
export class DdlWriter {
  readonly dialect: Dialect;
  readonly literalStyle: LiteralStyle;
  /** `$1` (PostgreSQL) or `?`. */
  readonly #placeholder: (n: number) => string;

  constructor(dialect: Dialect, literalStyle: LiteralStyle, placeholder: (n: number) => string) {
    this.dialect = dialect;
    this.literalStyle = literalStyle;
    this.#placeholder = placeholder;
  }

  q(name: string): string {
    return this.dialect.quoteIdentifier(name);
  }

  /** `"schema"."name"`, or `"name"` in the default schema. */
  name(schema: string | undefined, name: string): string {
    return schema === undefined ? this.q(name) : `${this.q(schema)}.${this.q(name)}`;
  }

  columns(names: readonly string[]): string {
    return `(${names.map((n) => this.q(n)).join(", ")})`;
  }

  string(value: string): string {
    return sqlLiteral(value, this.literalStyle);
  }

  /** `CONSTRAINT "x" ` when the constraint has a name, else nothing (the database names it). */
  constraintName(constraint: { readonly name?: string }): string {
    return constraint.name === undefined ? "" : `CONSTRAINT ${this.q(constraint.name)} `;
  }

  primaryKey(pk: PrimaryKeyConstraint): string {
    return `${this.constraintName(pk)}PRIMARY KEY ${this.columns(pk.columns)}${this.deferral(pk, "primary key")}`;
  }

  /** ` DEFERRABLE [INITIALLY DEFERRED]` after a primary key or unique constraint, where the dialect has it. */
  private deferral(key: Deferral, what: string): string {
    if (!key.deferrable) return "";
    if (!this.dialect.capabilities.deferrableKeys) throw new UnsupportedDdlError(this.dialect.name, `declare a deferrable ${what}`);
    return key.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
  }

  unique(uq: UniqueConstraint): string {
    if (uq.nullsNotDistinct && !this.dialect.capabilities.nullsNotDistinct) {
      throw new UnsupportedDdlError(this.dialect.name, "declare a unique constraint NULLS NOT DISTINCT");
    }
    return `${this.constraintName(uq)}UNIQUE ${uq.nullsNotDistinct ? "NULLS NOT DISTINCT " : ""}${this.columns(uq.columns)}${this.deferral(uq, "unique constraint")}`;
  }

  check(ck: CheckConstraint): string {
    return `${this.constraintName(ck)}CHECK (${ck.expression})`;
  }

  foreignKey(fk: ForeignKeyConstraint, options: ForeignKeyOptions): string {
    const target = options.qualifyTarget ? this.name(fk.target.schema, fk.target.name) : this.q(fk.target.name);
    let sql = `${this.constraintName(fk)}FOREIGN KEY ${this.columns(fk.columns)} REFERENCES ${target} ${this.columns(fk.targetColumns)}`;
    if (fk.match || fk.notValid) {
      if (!this.dialect.capabilities.notValidConstraints) throw new UnsupportedDdlError(this.dialect.name, "declare a foreign key MATCH FULL or NOT VALID");
    }
    if (fk.match) sql += ` MATCH ${fk.match.toUpperCase()}`;
    if (fk.onDelete) sql += ` ON DELETE ${ACTIONS[fk.onDelete]}`;
    if (fk.onUpdate) sql += ` ON UPDATE ${ACTIONS[fk.onUpdate]}`;
    if (fk.deferrable) {
      if (!options.deferrable) throw new UnsupportedDdlError(this.dialect.name, "declare a deferrable foreign key");
      sql += fk.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }
    return sql;
  }

  /** `CREATE TABLE name (\n  a,\n  b\n)` with one definition per line. */
  createTable(tableName: string, definitions: readonly string[], suffix = ""): string {
    return `CREATE TABLE ${tableName} (\n  ${definitions.join(",\n  ")}\n)${suffix}`;
  }

  /**
   * INSERT statements for rows given as objects. Rows with the same keys go
   * in one multi-row INSERT (so omitted columns take their defaults), split
   * to stay under every driver's parameter limit; values travel as
   * parameters, or as escaped literals when `inline` (offline SQL).
   */
  insertRows(tableName: string, rows: ReadonlyArray<Readonly<Record<string, unknown>>>, inline: boolean): Statement[] {
    const groups = new Map<string, Array<Readonly<Record<string, unknown>>>>();
    for (const row of rows) {
      const key = JSON.stringify(Object.keys(row));
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(row);
    }
    const statements: Statement[] = [];
    for (const [key, group] of groups) {
      const keys = JSON.parse(key) as string[];
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, keys.length)));
      for (let start = 0; start < group.length; start += perStatement) {
        statements.push(this.#insert(tableName, keys, group.slice(start, start + perStatement), inline));
      }
    }
    return statements;
  }

  #insert(tableName: string, keys: readonly string[], rows: ReadonlyArray<Readonly<Record<string, unknown>>>, inline: boolean): Statement {
    const head = keys.length ? `INSERT INTO ${tableName} ${this.columns(keys)} VALUES ` : `INSERT INTO ${tableName} DEFAULT VALUES`;
    if (keys.length === 0) return { sql: head };
    if (inline) {
      const values = rows.map((row) => `(${keys.map((k) => sqlLiteral(row[k], this.literalStyle)).join(", ")})`);
      return { sql: head + values.join(", ") };
    }
    const params: unknown[] = [];
    const values = rows.map(
      (row) =>
        `(${keys
          .map((k) => {
            params.push(parameterValue(row[k]));
            return this.#placeholder(params.length);
          })
          .join(", ")})`,
    );
    return { sql: head + values.join(", "), params };
  }
}

export interface ForeignKeyOptions {
  /** SQLite's REFERENCES takes a bare table name. */
  readonly qualifyTarget: boolean;
  readonly deferrable: boolean;
}

const ACTIONS: Readonly<Record<ReferentialAction, string>> = {
  cascade: "CASCADE",
  restrict: "RESTRICT",
  setNull: "SET NULL",
  setDefault: "SET DEFAULT",
  noAction: "NO ACTION",
};

/** Below SQLite's 32,766 and PostgreSQL's and MySQL's 65,535 bound parameters. */
const MAX_PARAMETERS = 30_000;

/** Drivers bind strings, numbers, booleans, dates and bytes; other objects go as JSON text. */
function parameterValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof Uint8Array) return value;
  return JSON.stringify(value);
}
