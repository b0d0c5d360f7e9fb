import type { Declaration, SchemaFile, TableDecl, TableMember } from "../../grammar/ast.js";
import { tokenize } from "../../grammar/lexer.js";
import { declarationStretches, parseStretch } from "../../grammar/parser.js";
import type { DiagnosticBag } from "./diagnostic.js";
import { movedQualifiedName } from "./moved-nodes.js";
import { parseSchemaFile } from "./parse-file.js";

/**
 * Parses one file again and again as it is edited (the language server, at
 * every pause in typing), parsing only the declarations whose text changed:
 * the file is lexed whole and cut where declarations start (as the CLI's
 * compile cuts it), and a stretch whose text was a declaration last time,
 * at the same offset, is that declaration again (the model builder then
 * reuses what it read from it). One that moved (an edit above it) is parsed
 * again at its new offsets (a table's members only when read), and
 * remembers where it moved from: the builder moves what it read along. A file with an error anywhere is parsed whole
 * by parseSchemaFile, which reports every error as the CLI does.
 */
export class FileReparser {
  /** The declarations of the last parse, by their text. */
  #byText = new Map<string, Declaration>();

  parse(path: string, text: string, bag: DiagnosticBag): SchemaFile | undefined {
    const lexed = tokenize(text);
    // The declarations kept stay as they were: once the error is fixed, the next parse reuses them.
    const whole = () => parseSchemaFile(path, text, bag);
    if (lexed.problems.length) return whole();
    const byText = new Map<string, Declaration>();
    const declarations: Declaration[] = [];
    for (const stretch of declarationStretches(lexed.stream)) {
      const start = lexed.stream.start(stretch.from);
      const source = text.slice(start, lexed.stream.end(stretch.to - 1));
      const known = this.#byText.get(source);
      const decl =
        known?.startOffset === start
          ? known
          : known?.kind === "table"
            ? movedTable(known, start - known.startOffset, () => parseStretch(lexed.stream, stretch))
            : parseStretch(lexed.stream, stretch);
      // A declaration that does not parse on its own: the whole parse says why (or parses a wrong cut).
      if (!decl || decl.startOffset !== start) return whole();
      if (known && decl !== known) {
        // The first declaration of the line holds what the builder read (TableBuildCache); the ones between may be gone.
        const first = origins.get(known)?.from ?? known;
        origins.set(decl, { from: first, by: start - first.startOffset });
      }
      byText.set(source, decl);
      declarations.push(decl);
    }
    this.#byText = byText;
    return { path, declarations, comments: commentsOf(lexed.comments) };
  }

  /**
   * For a file that does not parse (its text as last given to `parse`):
   * each declaration that parses on its own, the ones being typed left out,
   * so the editor's outline and colours stay while a file is half-written.
   */
  recovered(path: string, text: string): SchemaFile {
    const lexed = tokenize(text);
    const declarations = declarationStretches(lexed.stream).flatMap((stretch) => {
      const known = this.#byText.get(text.slice(lexed.stream.start(stretch.from), lexed.stream.end(stretch.to - 1)));
      const decl = known?.startOffset === lexed.stream.start(stretch.from) ? known : parseStretch(lexed.stream, stretch);
      return decl ? [decl] : [];
    });
    return { path, declarations, comments: commentsOf(lexed.comments) };
  }
}

function commentsOf(tokens: ReadonlyArray<{ readonly image: string; readonly startOffset: number; readonly endOffset?: number }>): SchemaFile["comments"] {
  return tokens.map((t) => ({ text: t.image, startOffset: t.startOffset, endOffset: t.endOffset! }));
}

/** Each moved declaration's first original and how far it moved since (for TableBuildCache, which moves what it read from it). */
const origins = new WeakMap<Declaration, { readonly from: Declaration; readonly by: number }>();

/** The declaration a FileReparser parsed this one's text as before, elsewhere in the file, and how far it moved. */
export function movedFrom(decl: Declaration): { readonly from: Declaration; readonly by: number } | undefined {
  return origins.get(decl);
}

/**
 * A table that moved `by` characters, its members parsed again at their new
 * offsets only when read: the model builder does not read them (it moves
 * what it read from the table before), and the editor's questions read them
 * after the diagnostics are out. (Parsing again is faster than copying a
 * tree with new offsets.)
 */
function movedTable(known: TableDecl, by: number, parse: () => Declaration | undefined): TableDecl {
  let members: readonly TableMember[] | undefined;
  return {
    kind: "table",
    name: movedQualifiedName(known.name, by),
    startOffset: known.startOffset + by,
    endOffset: known.endOffset + by,
    bodyOffset: known.bodyOffset + by,
    get members() {
      // The same text parsed before: it parses again.
      return (members ??= (parse() as TableDecl).members);
    },
  };
}
