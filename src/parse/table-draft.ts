import type {
  CheckConstraint,
  Column,
  Index,
  PrimaryKeyConstraint,
  ReferentialAction,
  SqlType,
  UniqueConstraint,
} from "../model/index.js";
import type { NameNode, Pos } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { movedName, movedPos } from "./moved-nodes.js";
import type { PendingParent } from "./read-partitioning.js";
import { didYouMean } from "./suggest.js";

/** A foreign key whose target is checked once every table is known. */
export interface PendingForeignKey {
  readonly columns: readonly NameNode[];
  readonly target: ObjectName;
  /** Where the target table was written, for "unknown table". */
  readonly targetPos: Pos;
  readonly targetColumns: readonly NameNode[];
  readonly options: ForeignKeyOptions;
  readonly pos: Pos;
  readonly path: string;
}

export interface ForeignKeyOptions {
  readonly name?: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  readonly match?: "full";
  readonly notValid?: boolean;
}

/** The type of a column whose type did not resolve (an error is reported): it takes part in no type check. */
export const UNRESOLVED_TYPE: SqlType = Object.freeze({ kind: "scalar", name: "unknown", args: Object.freeze([]) });

/**
 * A table while its columns and attributes are being read, then (sealed)
 * until every table is read and its foreign keys can be resolved. Columns
 * are found by a scan, not a map: a table has tens of them, and a
 * 10,000-table schema would keep 10,000 maps alive through the build.
 */
export class TableDraft {
  columns: Column[] = [];
  primaryKey?: PrimaryKeyConstraint;
  uniques: UniqueConstraint[] = [];
  checks: CheckConstraint[] = [];
  indexes: Index[] = [];
  foreignKeys: PendingForeignKey[] = [];
  comment?: string;
  renamedFrom?: string;
  /** `@@strict`, `@@engine("InnoDB")`, ...: by TableOptions name. */
  options: Record<string, unknown> = {};
  /** `@@partitionOf` and `@@inherits` parents, checked once every table is read. */
  parents: PendingParent[] = [];
  /**
   * The table takes columns from a parent (`@@partitionOf`, `@@inherits`):
   * a name it does not declare may be the parent's, which the database
   * checks when the migration runs.
   */
  inheritsColumns = false;
  /**
   * Names already used in this table, per kind: index and constraint names
   * are separate (MySQL names a foreign key's index after the key). Made at
   * the first name claimed.
   */
  #names?: { readonly index: Set<string>; readonly constraint: Set<string> };

  constructor(
    /** Where its diagnostics go; a draft kept for the next compile (TableBuildCache) is given that compile's. */
    public ctx: BuildContext,
    readonly name: ObjectName,
  ) {}

  /**
   * Once the table is read: each list becomes a frozen array of its exact
   * size (the model keeps those as they are; an array grown by push keeps
   * room for 16) and the name sets go. Nothing can be added after.
   */
  seal(): void {
    this.columns = exact(this.columns);
    this.uniques = exact(this.uniques);
    this.checks = exact(this.checks);
    this.indexes = exact(this.indexes);
    this.foreignKeys = exact(this.foreignKeys);
    this.parents = exact(this.parents);
    this.#names = undefined;
  }

  hasColumn(name: string): boolean {
    return this.#column(name) !== undefined;
  }

  #column(name: string): Column | undefined {
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) if (columns[i].name === name) return columns[i];
    return undefined;
  }

  /** Claims a constraint or index name; false (after reporting) when the table already uses it. */
  claimName(name: string | undefined, pos: Pos, kind: "index" | "constraint", hint = ""): boolean {
    if (name === undefined) return true;
    this.#names ??= { index: new Set(), constraint: new Set() };
    const names = this.#names[kind];
    if (names.has(name)) {
      this.ctx.error(pos, `duplicate ${kind} name "${name}" in table "${this.name.key}"${hint}`);
      return false;
    }
    names.add(name);
    return true;
  }

  setPrimaryKey(pk: PrimaryKeyConstraint, pos: Pos): void {
    if (this.primaryKey) {
      this.ctx.error(pos, `table "${this.name.key}" has two primary keys: use @@id([a, b]) for a composite key`);
      return;
    }
    if (this.claimName(pk.name, pos, "constraint")) this.primaryKey = pk;
  }

  /**
   * This sealed draft as read from the same declaration `by` characters
   * further on in its file: only what is checked once every table is read
   * (foreign keys, parents) holds positions, the model's objects none, so
   * the rest is shared. A field that holds positions must be moved here.
   */
  moved(by: number, ctx: BuildContext): TableDraft {
    const copy = new TableDraft(ctx, this.name);
    const foreignKeys = this.foreignKeys.map((fk) => ({
      ...fk,
      columns: fk.columns.map((n) => movedName(n, by)),
      targetPos: movedPos(fk.targetPos, by),
      targetColumns: fk.targetColumns.map((n) => movedName(n, by)),
      pos: movedPos(fk.pos, by),
    }));
    const parents = this.parents.map((p) => ({ ...p, pos: movedPos(p.pos, by) }));
    Object.assign(copy, this, { ctx, foreignKeys: Object.freeze(foreignKeys), parents: Object.freeze(parents) });
    return copy;
  }

  /** Reports names that are not columns of this table, suggesting the closest. */
  checkColumns(names: readonly NameNode[]): boolean {
    let ok = true;
    for (const n of names) {
      if (!this.hasColumn(n.text) && !this.inheritsColumns) {
        const known = this.columns.map((c) => c.name);
        this.ctx.error(n, `table "${this.name.key}" has no column "${n.text}"${didYouMean(n.text, known)}`);
        ok = false;
      }
    }
    return ok;
  }
}

/** A frozen copy of exactly the items (an empty array is frozen as it is); typed mutable, but a sealed draft takes nothing more. */
function exact<T>(items: T[]): T[] {
  return Object.freeze(items.length === 0 ? items : items.slice()) as T[];
}
