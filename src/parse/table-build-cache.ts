import type { Dialect } from "../dialects/dialect.js";
import type { Declaration, TableDecl } from "../../grammar/ast.js";
import type { BuildContext } from "./build-context.js";
import type { Report } from "./diagnostic.js";
import { movedFrom } from "./reparse-file.js";
import type { TableDraft } from "./table-draft.js";

interface Built {
  readonly draft: TableDraft;
  readonly reports: readonly Report[];
  readonly warnings: readonly Report[];
}

/**
 * The tables one compile read, for the next compile of the same model (the
 * language server compiles after every pause in typing): a table whose
 * declaration is the same object (its file, or its stretch of the file, did
 * not change: see FileReparser), or a copy of one moved along the file by
 * an edit above it, is not read again, and what reading it reported is
 * reported again (moved along with it), errors and warnings. A table is read from its declaration and
 * from what every table shares: the dialect and the declarations that are
 * not tables (enums and domains name column types); when any of those
 * changed, every table is read again.
 */
export class TableBuildCache {
  #tables = new WeakMap<TableDecl, Built>();
  #dialect?: Dialect;
  #others: readonly Declaration[] = [];

  /** Starts a compile: forgets every table when what tables share is not what it was. */
  begin(dialect: Dialect | undefined, others: readonly Declaration[]): void {
    const same = dialect === this.#dialect && others.length === this.#others.length && others.every((d, i) => d === this.#others[i]);
    if (!same) this.#tables = new WeakMap();
    this.#dialect = dialect;
    this.#others = others;
  }

  /**
   * The table as read before (its diagnostics reported again into `ctx`),
   * moved along when its declaration moved in the file; else read now by
   * `build`.
   */
  table(ctx: BuildContext, decl: TableDecl, build: () => TableDraft): TableDraft {
    const known = this.#tables.get(decl);
    if (known) return this.#reuse(ctx, decl, known, known.draft);
    const origin = movedFrom(decl);
    const before = origin && this.#tables.get(origin.from as TableDecl);
    if (origin && before) {
      const move = (reports: readonly Report[]) => reports.map((r) => ({ ...r, offset: r.offset + origin.by, endOffset: r.endOffset + origin.by }));
      return this.#reuse(ctx, decl, { reports: move(before.reports), warnings: move(before.warnings) }, before.draft.moved(origin.by, ctx));
    }
    let draft!: TableDraft;
    let warnings: readonly Report[] = [];
    const reports = ctx.bag.recording(() => {
      warnings = ctx.warnings ? ctx.warnings.recording(() => (draft = build())) : ((draft = build()), []);
    });
    this.#tables.set(decl, { draft, reports, warnings });
    return draft;
  }

  /** Reports again what reading the table reported (errors and warnings), into this compile's bags. */
  #reuse(ctx: BuildContext, decl: TableDecl, said: Omit<Built, "draft">, draft: TableDraft): TableDraft {
    draft.ctx = ctx;
    ctx.bag.replay(said.reports);
    ctx.warnings?.replay(said.warnings);
    this.#tables.set(decl, { draft, ...said });
    return draft;
  }
}
