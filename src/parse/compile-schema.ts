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
}

export interface CompileResult {
  /** Present only when there are no diagnostics. */
  readonly metadata?: MetaData;
  readonly diagnostics: Diagnostic[];
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
  const metadata = buildModel(declarations, semantic, options.env ?? process.env);
  if (declarations.syntaxFailed) return { diagnostics: syntax.sorted() };
  return metadata && !semantic.hasErrors ? { metadata, diagnostics: [] } : { diagnostics: semantic.sorted() };
}
