import type { MetaData } from "../model/index.js";
import { buildModel } from "./build-model.js";
import { DiagnosticBag, type Diagnostic } from "./diagnostic.js";
import { StreamedDeclarations } from "./schema-declarations.js";

export interface SchemaSource {
  readonly path: string;
  readonly text: string;
}

export interface CompileOptions {
  /** Where `env("VAR")` looks; process.env by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The dialect a portable schema (one whose `database` block names none) is
   * compiled for: the dialect of the URL it will meet. SQLite when not given,
   * as `file:./dev.db` is the URL when there is none.
   */
  readonly dialect?: string;
}

export interface CompileResult {
  /** Present only when there are no diagnostics. */
  readonly metadata?: MetaData;
  readonly diagnostics: Diagnostic[];
  /** What compiles but is likely a mistake (a foreign key whose type differs from its target's), located like diagnostics. */
  readonly warnings: Diagnostic[];
}

/**
 * `.schema` sources → the model. All sources form one model, in the order
 * given (loadSchema sorts by path). Every syntax error of every file is
 * reported; meaning is given (and checked) only when all files parse. Tables
 * are parsed as the builder reaches them (see StreamedDeclarations), so what
 * the builder found is kept only once the last table has parsed.
 */
export function compileSchema(sources: readonly SchemaSource[], options: CompileOptions = {}): CompileResult {
  const syntax = new DiagnosticBag(sources);
  const declarations = new StreamedDeclarations(sources, syntax);
  const semantic = new DiagnosticBag(sources);
  const warnings = new DiagnosticBag(sources);
  const metadata = buildModel(declarations, semantic, options.env ?? process.env, options.dialect, undefined, warnings);
  if (declarations.syntaxFailed) return { diagnostics: syntax.sorted(), warnings: [] };
  return metadata && !semantic.hasErrors ? { metadata, diagnostics: [], warnings: warnings.sorted() } : { diagnostics: semantic.sorted(), warnings: warnings.sorted() };
}
