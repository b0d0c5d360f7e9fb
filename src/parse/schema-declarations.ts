import { tokenize } from "../../grammar/lexer.js";
import { declarationStretches, isTableStretch, parseStretch, type Stretch } from "../../grammar/parser.js";
import type { TokenStream } from "../../grammar/token-stream.js";
import type { Declaration, SchemaFile, TableDecl } from "../../grammar/ast.js";
import type { DiagnosticBag } from "./diagnostic.js";
import { parseSchemaFile } from "./parse-file.js";

export interface Located<D extends Declaration> {
  readonly path: string;
  readonly decl: D;
}

/** What the model builder reads: the declarations of every file of a schema, in file order. */
export interface SchemaDeclarations {
  /** Every declaration but tables. */
  readonly others: readonly Located<Exclude<Declaration, TableDecl>>[];
  /** The tables, read once, in order. */
  tables(): Iterable<Located<TableDecl>>;
}

/** The declarations of files parsed whole (fmt, tests). */
export function declarationsOf(files: readonly SchemaFile[]): SchemaDeclarations {
  const all = files.flatMap((f) => f.declarations.map((decl) => ({ path: f.path, decl })));
  return {
    others: all.filter((d): d is Located<Exclude<Declaration, TableDecl>> => d.decl.kind !== "table"),
    tables: () => all.filter((d): d is Located<TableDecl> => d.decl.kind === "table"),
  };
}

/**
 * The declarations of a schema's sources, with each table parsed only when
 * the builder asks for it: a table's syntax tree is garbage as soon as the
 * table is built, instead of the whole schema's tree living through the
 * build (on a 10,000-table schema, most of what the garbage collector had to
 * copy). Everything else is parsed up front: it is small, and the builder
 * needs the enums before the first column.
 *
 * A file whose stretches do not all parse is parsed whole by
 * parseSchemaFile, which reports its syntax errors exactly as `fmt` does
 * (and parses a file whose declarations were cut wrongly). `syntaxFailed`
 * says, once the tables have been read, whether any file had a syntax
 * error: the model and the builder's diagnostics then mean nothing.
 */
export class StreamedDeclarations implements SchemaDeclarations {
  readonly others: Located<Exclude<Declaration, TableDecl>>[] = [];
  #syntaxFailed = false;
  readonly #files: FileState[] = [];

  constructor(
    sources: ReadonlyArray<{ readonly path: string; readonly text: string }>,
    readonly syntaxBag: DiagnosticBag,
  ) {
    for (const { path, text } of sources) {
      const lexed = tokenize(text);
      const file: FileState = { path, text, stream: lexed.stream, tables: [] };
      this.#files.push(file);
      if (lexed.problems.length) {
        this.#parseWhole(file);
        continue;
      }
      const others: Located<Exclude<Declaration, TableDecl>>[] = [];
      for (const stretch of declarationStretches(lexed.stream)) {
        if (isTableStretch(lexed.stream, stretch)) {
          file.tables.push(stretch);
          continue;
        }
        const decl = parseStretch(lexed.stream, stretch);
        if (!decl || decl.kind === "table") {
          others.length = 0;
          this.#parseWhole(file);
          break;
        }
        others.push({ path, decl });
      }
      this.others.push(...others);
      for (const d of file.whole ?? []) if (d.decl.kind !== "table") this.others.push(d as Located<Exclude<Declaration, TableDecl>>);
    }
  }

  get syntaxFailed(): boolean {
    return this.#syntaxFailed;
  }

  *tables(): Iterable<Located<TableDecl>> {
    for (const file of this.#files) {
      if (file.failed) continue;
      if (file.whole) {
        yield* file.whole.filter((d): d is Located<TableDecl> => d.decl.kind === "table");
        continue;
      }
      for (let i = 0; i < file.tables.length; i++) {
        const decl = parseStretch(file.stream, file.tables[i]);
        if (decl?.kind === "table") {
          yield { path: file.path, decl };
          continue;
        }
        // The tables already read came out of the same cuts the whole parse makes,
        // and the rest of the file's declarations parsed on their own up front.
        const whole = this.#parseWhole(file);
        if (whole) yield* whole.filter((d): d is Located<TableDecl> => d.decl.kind === "table").slice(i);
        break;
      }
    }
  }

  /** Parses a file whole, reporting its syntax errors; its declarations when it has none. */
  #parseWhole(file: FileState): Located<Declaration>[] | undefined {
    const parsed = parseSchemaFile(file.path, file.text, this.syntaxBag);
    if (!parsed) {
      file.failed = true;
      this.#syntaxFailed = true;
      return undefined;
    }
    file.whole = parsed.declarations.map((decl) => ({ path: file.path, decl }));
    return file.whole;
  }
}

interface FileState {
  readonly path: string;
  readonly text: string;
  readonly stream: TokenStream;
  /** The stretches of its tables, read when the builder asks. */
  readonly tables: Stretch[];
  /** Its declarations, when the file had to be parsed whole. */
  whole?: Located<Declaration>[];
  /** It has syntax errors, reported when it was parsed whole. */
  failed?: boolean;
}
