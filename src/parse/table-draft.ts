import type {
  CheckConstraint,
  Column,
  Index,
  PrimaryKeyConstraint,
  ReferentialAction,
  SqlType,
  UniqueConstraint,
} from "../model/index.js";
import type { NameNode, Pos } from "./ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
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
}

/** A table while its columns and attributes are being read. */
export class TableDraft {
  readonly columns: Column[] = [];
  /**
   * Every column's name, with its type when the type resolved (for checking
   * foreign keys). Drafts live until every table is read: one map each.
   */
  readonly columnTypes = new Map<string, SqlType | undefined>();
  primaryKey?: PrimaryKeyConstraint;
  readonly uniques: UniqueConstraint[] = [];
  readonly checks: CheckConstraint[] = [];
  readonly indexes: Index[] = [];
  readonly foreignKeys: PendingForeignKey[] = [];
  comment?: string;
  renamedFrom?: string;
  /**
   * Names already used in this table, per kind: index and constraint names
   * are separate (MySQL names a foreign key's index after the key). Made at
   * the first name claimed.
   */
  #names?: { readonly index: Set<string>; readonly constraint: Set<string> };

  constructor(
    readonly ctx: BuildContext,
    readonly name: ObjectName,
  ) {}

  hasColumn(name: string): boolean {
    return this.columnTypes.has(name);
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

  /** Reports names that are not columns of this table, suggesting the closest. */
  checkColumns(names: readonly NameNode[]): boolean {
    let ok = true;
    for (const n of names) {
      if (!this.hasColumn(n.text)) {
        this.ctx.error(n, `table "${this.name.key}" has no column "${n.text}"${didYouMean(n.text, this.columnTypes.keys())}`);
        ok = false;
      }
    }
    return ok;
  }
}
